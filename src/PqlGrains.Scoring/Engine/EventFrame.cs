using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>A matched event being applied (<see cref="EventRow"/>), with its time already mapped by the definition's clock.</summary>
internal readonly ref struct EventFrame
{
    private readonly ReadOnlySpan<long> _row;
    private readonly int _valuesStart;

    public EventFrame(ReadOnlySpan<long> row, int valuesStart, TimePoint time)
    {
        _row = row;
        _valuesStart = valuesStart;
        Time = time;
    }

    public TimePoint Time { get; }

    public EventType Type => EventRow.TypeOf(_row);

    public ReadOnlySpan<long> Row => _row;

    /// <summary>True when the event matches the site's pattern.</summary>
    public bool Matches(MatchSite site) => (_row[EventRow.HeaderLength + site.Pattern / 64] & (long)(1UL << site.Pattern)) != 0;

    /// <summary>The hash of the value the site's pattern counts, 0 when the event does not match or has no such value.</summary>
    public long ValueOf(MatchSite site) => _row[_valuesStart + site.Value];
}
