using System.Buffers.Binary;
using System.Text;

namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// Where a grain's state lives in <c>OrleansStorage</c>: the same columns and hashes Orleans' ADO.NET grain storage
/// computes (Orleans 10, default hasher), so rows either provider wrote are read and updated by the other.
/// </summary>
internal readonly record struct GrainStateKey(int IdHash, long N0, long N1, int TypeHash, string StateName, string? Extension)
{
    public static GrainStateKey For(string stateName, GrainId grainId)
    {
        // ADO.NET storage rewrites generic type names before hashing; state names never need that.
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"Grain state name '{stateName}' contains '`': name the state with a plain string in [PersistentState(...)].");
        }

        var typeHash = Hash(Encoding.UTF8.GetBytes(stateName));
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            var n0 = BinaryPrimitives.ReadInt64LittleEndian(bytes);
            var n1 = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
            return new GrainStateKey(HashKey(bytes, guidExtension), n0, n1, typeHash, stateName, guidExtension);
        }

        if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, integer);
            return new GrainStateKey(HashKey(bytes, integerExtension), 0, integer, typeHash, stateName, integerExtension);
        }

        var key = grainId.Key.ToString();
        return new GrainStateKey(HashKey([], key), 0, 0, typeHash, stateName, key);
    }

    /// <summary>ADO.NET storage hashes the key bytes (little-endian number, then the UTF-8 extension) reversed.</summary>
    private static int HashKey(ReadOnlySpan<byte> number, string? extension)
    {
        var text = extension is null ? [] : Encoding.UTF8.GetBytes(extension);
        var bytes = new byte[number.Length + text.Length];
        number.CopyTo(bytes);
        text.CopyTo(bytes.AsSpan(number.Length));
        Array.Reverse(bytes);
        return Hash(bytes);
    }

    private static int Hash(ReadOnlySpan<byte> bytes) => unchecked((int)StableHash.ComputeHash(bytes));
}
