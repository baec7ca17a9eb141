using System.Buffers.Binary;
using System.Text;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The in-memory log's events packed end to end in 64 KB pages: about a third of the heap the parsed
/// <see cref="ScoringEvent"/> with its property dictionary takes, which the log kept for every event ever
/// accepted. Holds everything but the userId (the log keeps one string per user); the messageId comes
/// first so <see cref="MessageIdAt"/> can compare it without unpacking the event.
/// Not thread safe: the log calls it under its partition lock.
/// </summary>
internal sealed class PackedEventPages
{
    private const int PageSize = 64 * 1024;

    private readonly List<byte[]?> _pages = [];
    private int _released;
    private byte[] _scratch = new byte[1024];
    private int _used = PageSize;

    /// <summary>Packs <paramref name="scoringEvent"/> and returns where it starts.</summary>
    public PackedPosition Append(ScoringEvent scoringEvent)
    {
        var length = Pack(scoringEvent);
        if (_used + length > PageSize)
        {
            // An event larger than a page (the gateway allows 32 KB of JSON) gets a page of its own size.
            _pages.Add(new byte[Math.Max(PageSize, length)]);
            _used = 0;
        }

        var page = _pages[^1]!;
        _scratch.AsSpan(0, length).CopyTo(page.AsSpan(_used));
        var position = new PackedPosition(_pages.Count - 1, _used);
        _used += length;
        return position;
    }

    public ReadOnlySpan<byte> MessageIdAt(PackedPosition position)
    {
        var page = PageOf(position);
        var reader = new Reader(page, position.Offset);
        var length = reader.Count();
        return page.AsSpan(reader.At, length);
    }

    /// <summary>Overwrites an erased event's bytes with zeros, so the person's data is gone from memory too.</summary>
    public void Erase(PackedPosition position)
    {
        var page = PageOf(position);
        var reader = new Reader(page, position.Offset);
        reader.SkipText();
        reader.Byte();
        reader.SkipText();
        reader.Int64();
        reader.Int16();
        if (reader.Byte() == 1)
        {
            reader.SkipText();
        }

        var count = reader.Count();
        for (var i = 0; i < count; i++)
        {
            reader.SkipText();
            switch ((PropertyKind)reader.Byte())
            {
                case PropertyKind.String:
                    reader.SkipText();
                    break;
                case PropertyKind.Number:
                    reader.Int64();
                    break;
                case PropertyKind.Boolean:
                    reader.Byte();
                    break;
            }
        }

        page.AsSpan(position.Offset, reader.At - position.Offset).Clear();
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

    public ScoringEvent Read(PackedPosition position, string userId)
    {
        var reader = new Reader(PageOf(position), position.Offset);
        var messageId = reader.Text();
        var type = (EventType)reader.Byte();
        var name = reader.Text();
        var utcTicks = reader.Int64();
        var offset = TimeSpan.FromMinutes(reader.Int16());
        var groupId = reader.Byte() == 1 ? reader.Text() : null;
        var count = reader.Count();
        var properties = EventProperties.Empty;
        if (count > 0)
        {
            var pairs = new KeyValuePair<string, PropertyValue>[count];
            for (var i = 0; i < count; i++)
            {
                var key = reader.Text();
                pairs[i] = new(key, (PropertyKind)reader.Byte() switch
                {
                    PropertyKind.String => PropertyValue.From(reader.Text()),
                    PropertyKind.Number => PropertyValue.From(BitConverter.Int64BitsToDouble(reader.Int64())),
                    PropertyKind.Boolean => PropertyValue.From(reader.Byte() == 1),
                    _ => PropertyValue.Null,
                });
            }

            properties = new EventProperties(pairs);
        }

        return new ScoringEvent(messageId, userId, type, name, new DateTimeOffset(utcTicks + offset.Ticks, offset), properties, groupId);
    }

    private byte[] PageOf(PackedPosition position) =>
        _pages[position.Page] ?? throw new InvalidOperationException($"Packed page {position.Page} was released by retention; its events are gone.");

    private int Pack(ScoringEvent scoringEvent)
    {
        var writer = new Writer(this);
        writer.Text(scoringEvent.MessageId);
        writer.Byte((byte)scoringEvent.Type);
        writer.Text(scoringEvent.Name);
        writer.Int64(scoringEvent.Timestamp.UtcTicks);
        writer.Int16((short)scoringEvent.Timestamp.Offset.TotalMinutes);
        writer.Byte(scoringEvent.GroupId is null ? (byte)0 : (byte)1);
        if (scoringEvent.GroupId is { } groupId)
        {
            writer.Text(groupId);
        }

        writer.Count(scoringEvent.Properties.Count);
        foreach (var (key, value) in scoringEvent.Properties)
        {
            writer.Text(key);
            writer.Byte((byte)value.Kind);
            switch (value.Kind)
            {
                case PropertyKind.String:
                    writer.Text(value.Text!);
                    break;
                case PropertyKind.Number:
                    writer.Int64(BitConverter.DoubleToInt64Bits(value.Number));
                    break;
                case PropertyKind.Boolean:
                    writer.Byte(value.AsBoolean ? (byte)1 : (byte)0);
                    break;
            }
        }

        return writer.Length;
    }

    private Span<byte> Reserve(int at, int length)
    {
        if (at + length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, at + length));
        }

        return _scratch.AsSpan(at, length);
    }

    private ref struct Writer(PackedEventPages pages)
    {
        public int Length { get; private set; }

        public void Byte(byte value) => pages.Reserve(Length++, 1)[0] = value;

        public void Int16(short value)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pages.Reserve(Length, 2), value);
            Length += 2;
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(pages.Reserve(Length, 8), value);
            Length += 8;
        }

        /// <summary>7-bit groups, low first, high bit set on all but the last.</summary>
        public void Count(int value)
        {
            var remaining = (uint)value;
            while (remaining >= 0x80)
            {
                Byte((byte)(remaining | 0x80));
                remaining >>= 7;
            }

            Byte((byte)remaining);
        }

        public void Text(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            Count(length);
            Encoding.UTF8.GetBytes(value, pages.Reserve(Length, length));
            Length += length;
        }
    }

    private ref struct Reader(byte[] page, int offset)
    {
        private int _at = offset;

        public readonly int At => _at;

        public byte Byte() => page[_at++];

        public short Int16()
        {
            var value = BinaryPrimitives.ReadInt16LittleEndian(page.AsSpan(_at));
            _at += 2;
            return value;
        }

        public long Int64()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(page.AsSpan(_at));
            _at += 8;
            return value;
        }

        public int Count()
        {
            uint value = 0;
            var shift = 0;
            byte next;
            do
            {
                next = Byte();
                value |= (uint)(next & 0x7F) << shift;
                shift += 7;
            }
            while ((next & 0x80) != 0);

            return (int)value;
        }

        public void SkipText() => _at += Count();

        public string Text()
        {
            var length = Count();
            var text = Encoding.UTF8.GetString(page, _at, length);
            _at += length;
            return text;
        }
    }
}
