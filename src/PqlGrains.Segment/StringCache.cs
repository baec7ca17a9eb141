using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// Per-thread cache of the short strings that repeat across events (property keys, event
/// names, user and account ids, enum-like values), so a batch allocates them once rather than
/// once per event, and the events handed on share instances. Bounded: once full, new strings
/// are simply allocated.
/// </summary>
internal sealed class StringCache
{
    private const int MaxEntries = 16_384;
    private const int MaxChars = 64;

    [ThreadStatic]
    private static StringCache? _current;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringCache()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static StringCache Current => _current ??= new StringCache();

    /// <summary>The text of a JSON string value.</summary>
    public string Value(JsonElement stringValue)
    {
        var quoted = JsonMarshal.GetRawUtf8Value(stringValue);
        return quoted.Contains((byte)'\\') ? stringValue.GetString()! : Utf8(quoted[1..^1]);
    }

    /// <summary>The name of a property, prefixed with <paramref name="prefix"/> and a dot when given.</summary>
    public string Key(string? prefix, JsonProperty property)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        var length = (prefix?.Length + 1 ?? 0) + name.Length;
        if (name.Contains((byte)'\\') || length > MaxChars)
        {
            return prefix is null ? property.Name : string.Concat(prefix, ".", property.Name);
        }

        Span<char> chars = stackalloc char[MaxChars];
        var written = 0;
        if (prefix is not null)
        {
            prefix.CopyTo(chars);
            chars[prefix.Length] = '.';
            written = prefix.Length + 1;
        }

        written += Encoding.UTF8.GetChars(name, chars[written..]);
        return Chars(chars[..written]);
    }

    private string Utf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxChars];
        return Chars(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    private string Chars(ReadOnlySpan<char> chars)
    {
        if (_lookup.TryGetValue(chars, out var cached))
        {
            return cached;
        }

        var text = new string(chars);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(text, text);
        }

        return text;
    }
}
