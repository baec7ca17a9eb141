using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// 64-bit FNV-1a over UTF-16 code units. Persisted state keeps hashes instead of strings (bounded,
/// allocation-free), so the hash must be stable across processes, unlike string.GetHashCode.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static long Of(string text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return NonZero(hash);
    }

    public static long Of(PropertyValue value) => value.Kind switch
    {
        PropertyKind.String => Of(value.Text!),
        PropertyKind.Number => NonZero(((ulong)BitConverter.DoubleToInt64Bits(value.Number) ^ Offset) * Prime),
        PropertyKind.Boolean => value.AsBoolean ? 1 : 2,
        _ => 3,
    };

    // Zero marks an empty slot in state arrays.
    private static long NonZero(ulong hash) => hash == 0 ? 1 : (long)hash;
}
