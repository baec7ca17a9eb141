using System.Text;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

/// <summary>
/// Packs the engine's snapshots into the bytes grain state stores: a few hundred bytes of
/// integers per user instead of a JSON object graph per checkpoint.
/// </summary>
internal static class ScoringSnapshotCodec
{
    private const byte Version1 = 1;

    public static byte[] Encode(ScoringSnapshot snapshot)
    {
        using var buffer = new MemoryStream(32 + ((snapshot.Slots.Length + snapshot.RecentMessageIds.Length) * sizeof(long)));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version1);
            Write(writer, snapshot);
        }

        return buffer.ToArray();
    }

    public static ScoringSnapshot DecodeUser(byte[] bytes)
    {
        using var reader = Open(bytes);
        return Read(reader);
    }

    public static byte[] Encode(AccountSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version1);
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
        using var reader = Open(bytes);
        var signals = Read(reader);
        var members = new MemberScoreSnapshot[reader.Read7BitEncodedInt()];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = new MemberScoreSnapshot(reader.ReadString(), reader.ReadDouble(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
        }

        return new AccountSnapshot(signals, members);
    }

    private static BinaryReader Open(byte[] bytes)
    {
        var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != Version1)
        {
            reader.Dispose();
            throw new InvalidDataException($"Saved scoring state has format version {version}; this build reads {Version1}. The grain rebuilds it from the event log.");
        }

        return reader;
    }

    private static void Write(BinaryWriter writer, ScoringSnapshot snapshot)
    {
        writer.Write(snapshot.DefinitionId);
        writer.Write(snapshot.DefinitionVersion);
        WriteLongs(writer, snapshot.Slots);
        WriteLongs(writer, snapshot.RecentMessageIds);
        writer.Write(snapshot.NextMessageIndex);
    }

    private static ScoringSnapshot Read(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), ReadLongs(reader), ReadLongs(reader), reader.ReadInt32());

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
