using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// Per-thread cache of the short strings that repeat across events (property keys, event
/// names, user and account ids, enum-like values), so a batch allocates them once rather than
/// once per event, and the events handed on share instances. Looked up by the raw UTF-8 of the
/// request body (<see cref="Utf8StringTable"/>). Bounded: once full, new strings are simply
/// allocated.
/// </summary>
internal sealed class StringCache
{
    /// <summary>
    /// Sized for a busy silo: under the load bench one thread sees about 21K distinct short strings (10K user ids,
    /// 10K emails, 1K account ids, property keys and values), and every one past the cap would be allocated on every
    /// event. Memory per thread, at most: 131,072 slots (the table stays at most half full) x 16 bytes = 2 MiB, plus
    /// 65,536 strings of at most <see cref="MaxBytes"/> characters (152 bytes each) = 9.5 MiB, so 11.5 MiB; the
    /// bench's 21K strings of 10-30 characters take about 1 MiB of slots and 1.3 MiB of strings. The table grows by
    /// doubling from 256 slots, so a thread that sees few strings holds little.
    /// </summary>
    private const int MaxEntries = 65_536;
    private const int MaxBytes = 64;

    /// <summary>One seed per process: identical on every thread, unknown outside it.</summary>
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

    [ThreadStatic]
    private static StringCache? _current;

    private readonly Utf8StringTable _strings = new(MaxEntries, Seed);

    public static StringCache Current => _current ??= new StringCache();

    /// <summary>The text of a JSON string value.</summary>
    public string Value(JsonElement stringValue)
    {
        var quoted = JsonMarshal.GetRawUtf8Value(stringValue);
        var utf8 = quoted[1..^1];
        if (utf8.Contains((byte)'\\'))
        {
            return stringValue.GetString()!;
        }

        return utf8.Length > MaxBytes ? Encoding.UTF8.GetString(utf8) : _strings.GetOrAdd(utf8);
    }

    /// <summary>The name of a property, prefixed with <paramref name="prefix"/> and a dot when given.</summary>
    public string Key(string? prefix, JsonProperty property)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        var length = (prefix?.Length + 1 ?? 0) + name.Length;
        if (name.Contains((byte)'\\') || length > MaxBytes)
        {
            return prefix is null ? property.Name : string.Concat(prefix, ".", property.Name);
        }

        if (prefix is null)
        {
            return _strings.GetOrAdd(name);
        }

        // A prefix is itself a key; an ASCII one is its own UTF-8, so the dotted key is found by bytes too.
        Span<byte> utf8 = stackalloc byte[MaxBytes];
        if (Ascii.FromUtf16(prefix, utf8, out var written) != OperationStatus.Done)
        {
            return string.Concat(prefix, ".", Encoding.UTF8.GetString(name));
        }

        utf8[written++] = (byte)'.';
        name.CopyTo(utf8[written..]);
        return _strings.GetOrAdd(utf8[..(written + name.Length)]);
    }
}
