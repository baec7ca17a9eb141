using System.Text;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

/// <summary>
/// Packs the engine's snapshots into the bytes grain state stores and idle users keep: slots
/// as variable-length integers with runs of zeros collapsed (most signals of a user are unused),
/// so a user's state is a few hundred bytes instead of 8 bytes per slot. Reads format 1 (fixed
/// 8 bytes per slot) from older checkpoints.
/// </summary>
internal static class ScoringSnapshotCodec
{
    private const byte Version1 = 1;
    private const byte Version2 = 2;

    public static byte[] Encode(ScoringSnapshot snapshot)
    {
        using var buffer = new MemoryStream(64 + (snapshot.RecentMessageIds.Length * sizeof(long)));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version2);
            Write(writer, snapshot);
        }

        return buffer.ToArray();
    }

    public static ScoringSnapshot DecodeUser(byte[] bytes)
    {
        using var reader = Open(bytes, out var version);
        return Read(reader, version);
    }

    public static byte[] Encode(AccountSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version2);
            Write(writer, snapshot.Signals);
            writer.Write7BitEncodedInt(snapshot.Members.Count);
            foreach (var member in snapshot.Members)
            {
                writer.Write(member.UserId);
                writer.Write(member.Score);
                writer.Write(member.EvaluatedAt.UtcTicks);
            }
        }

        return buffer.ToArray();
    }

    public static AccountSnapshot DecodeAccount(byte[] bytes)
    {
        using var reader = Open(bytes, out var version);
        var signals = Read(reader, version);
        var members = new MemberScoreSnapshot[reader.Read7BitEncodedInt()];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = new MemberScoreSnapshot(reader.ReadString(), reader.ReadDouble(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
        }

        return new AccountSnapshot(signals, members);
    }

    private static BinaryReader Open(byte[] bytes, out byte version)
    {
        var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        version = reader.ReadByte();
        if (version is not (Version1 or Version2))
        {
            reader.Dispose();
            throw new InvalidDataException($"Saved scoring state has format version {version}; this build reads {Version1} and {Version2}. The grain rebuilds it from the event log.");
        }

        return reader;
    }

    private static void Write(BinaryWriter writer, ScoringSnapshot snapshot)
    {
        writer.Write(snapshot.DefinitionId);
        writer.Write(snapshot.DefinitionVersion);
        WritePackedLongs(writer, snapshot.Slots);
        WriteLongs(writer, snapshot.RecentMessageIds);
        writer.Write(snapshot.NextMessageIndex);
    }

    private static ScoringSnapshot Read(BinaryReader reader, byte version) =>
        new(reader.ReadString(), reader.ReadString(), version == Version1 ? ReadLongs(reader) : ReadPackedLongs(reader), ReadLongs(reader), reader.ReadInt32());

    /// <summary>Zigzag variable-length integers; a zero is followed by how many more zeros come after it.</summary>
    private static void WritePackedLongs(BinaryWriter writer, long[] values)
    {
        writer.Write7BitEncodedInt(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                writer.Write7BitEncodedInt64((long)ZigZag(values[i]));
                continue;
            }

            var run = 1;
            while (i + run < values.Length && values[i + run] == 0)
            {
                run++;
            }

            writer.Write((byte)0);
            writer.Write7BitEncodedInt(run - 1);
            i += run - 1;
        }
    }

    private static long[] ReadPackedLongs(BinaryReader reader)
    {
        var values = new long[reader.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            var token = (ulong)reader.Read7BitEncodedInt64();
            if (token != 0)
            {
                values[i] = UnZigZag(token);
                continue;
            }

            // values[i] is already zero; skip the rest of the run.
            var more = reader.Read7BitEncodedInt();
            if (more < 0 || i + more >= values.Length)
            {
                throw new InvalidDataException($"Saved scoring state has a run of {more + 1} zeros at slot {i} of {values.Length}. The grain rebuilds it from the event log.");
            }

            i += more;
        }

        return values;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static void WriteLongs(BinaryWriter writer, long[] values)
    {
        writer.Write7BitEncodedInt(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static long[] ReadLongs(BinaryReader reader)
    {
        var values = new long[reader.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadInt64();
        }

        return values;
    }
}
