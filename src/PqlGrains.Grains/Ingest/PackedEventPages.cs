using System.Text;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The in-memory log's events packed end to end in 64 KB pages: about a third of the heap the parsed
/// <see cref="ScoringEvent"/> with its property dictionary takes, which the log kept for every event ever
/// accepted. Each event is its messageId (7-bit length-prefixed UTF-8, first so <see cref="MessageIdAt"/> can
/// compare it without unpacking the event) followed by the event log's payload (<see cref="ScoringEventCodec"/>,
/// the PostgreSQL log's format); the log keeps the userId, one string per user.
/// Not thread safe: the log calls it under its partition lock.
/// </summary>
internal sealed class PackedEventPages
{
    private const int PageSize = 64 * 1024;

    private readonly List<byte[]?> _pages = [];
    private readonly MemoryStream _scratch = new(1024);
    private readonly BinaryWriter _writer;
    private int _released;
    private int _used = PageSize;

    public PackedEventPages()
    {
        _writer = new BinaryWriter(_scratch, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Packs <paramref name="scoringEvent"/> and returns where it starts.</summary>
    /// <param name="messageId">The event's messageId as UTF-8: the log already encoded it for its dedupe check.</param>
    public PackedPosition Append(ScoringEvent scoringEvent, ReadOnlySpan<byte> messageId)
    {
        _scratch.SetLength(0);

        // The layout BinaryWriter.Write(string) gives, from the bytes at hand.
        _writer.Write7BitEncodedInt(messageId.Length);
        _writer.Write(messageId);
        ScoringEventCodec.Write(_writer, scoringEvent);
        _writer.Flush();
        var length = (int)_scratch.Length;
        if (_used + length > PageSize)
        {
            // An event larger than a page (the gateway allows 32 KB of JSON) gets a page of its own size.
            _pages.Add(new byte[Math.Max(PageSize, length)]);
            _used = 0;
        }

        var page = _pages[^1]!;
        _scratch.GetBuffer().AsSpan(0, length).CopyTo(page.AsSpan(_used));
        var position = new PackedPosition(_pages.Count - 1, _used);
        _used += length;
        return position;
    }

    /// <summary>The packed messageId's UTF-8 bytes, read in place: the dedupe check runs on every append.</summary>
    public ReadOnlySpan<byte> MessageIdAt(PackedPosition position)
    {
        var page = PageOf(position);
        var at = position.Offset;
        int length = 0, shift = 0;
        byte next;
        do
        {
            next = page[at++];
            length |= (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);

        return page.AsSpan(at, length);
    }

    public ScoringEvent Read(PackedPosition position, string userId)
    {
        using var reader = ReaderAt(PageOf(position), position);
        return ScoringEventCodec.Read(reader, reader.ReadString(), userId);
    }

    /// <summary>Overwrites an erased event's bytes with zeros, so the person's data is gone from memory too.</summary>
    public void Erase(PackedPosition position)
    {
        var page = PageOf(position);
        using var reader = ReaderAt(page, position);
        ScoringEventCodec.Read(reader, reader.ReadString(), string.Empty);
        page.AsSpan(position.Offset, (int)reader.BaseStream.Position).Clear();
    }

    /// <summary>Lets go of every page before <paramref name="page"/>: retention deleted all the events they held.</summary>
    public void ReleaseBefore(int page)
    {
        // The page being filled stays: appends continue in it.
        for (; _released < Math.Min(page, _pages.Count - 1); _released++)
        {
            _pages[_released] = null;
        }
    }

    private static BinaryReader ReaderAt(byte[] page, PackedPosition position) =>
        new(new MemoryStream(page, position.Offset, page.Length - position.Offset, writable: false), Encoding.UTF8);

    private byte[] PageOf(PackedPosition position) =>
        _pages[position.Page] ?? throw new InvalidOperationException($"Packed page {position.Page} was released by retention; its events are gone.");
}
