using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// An event matched against one signal set (<see cref="SignalSet.Match"/>): a fixed-length row of longs holding all
/// that applying the event reads, so applying never touches the event's strings and property dictionaries again.
/// [UTC ticks, messageId hash, call word, earliest created_at trait (ticks), pattern bits (<see cref="EventPatterns"/>), value hashes].
/// The call word holds the call type (bits 0-7), the plan trait (bits 8-9) and the timestamp's offset in minutes (bits 16-31).
/// </summary>
internal static class EventRow
{
    public const int Ticks = 0;
    public const int MessageHash = 1;
    public const int Call = 2;
    public const int CreatedAt = 3;
    public const int HeaderLength = 4;

    public const int PlanAbsent = 0;
    public const int PlanNotPaying = 1;
    public const int PlanPaying = 2;

    public static long CallWord(EventType type, int plan, TimeSpan offset) =>
        (long)type | (long)plan << 8 | ((long)(int)offset.TotalMinutes & 0xFFFF) << 16;

    public static EventType TypeOf(ReadOnlySpan<long> row) => (EventType)(row[Call] & 0xFF);

    public static int PlanOf(ReadOnlySpan<long> row) => (int)(row[Call] >> 8) & 0x3;

    /// <summary>The event's timestamp as it arrived, offset included (Segment timestamps are almost always UTC).</summary>
    public static DateTimeOffset TimestampOf(ReadOnlySpan<long> row)
    {
        var utc = new DateTimeOffset(row[Ticks], TimeSpan.Zero);
        var offsetMinutes = (short)(row[Call] >> 16);
        return offsetMinutes == 0 ? utc : utc.ToOffset(TimeSpan.FromMinutes(offsetMinutes));
    }
}
