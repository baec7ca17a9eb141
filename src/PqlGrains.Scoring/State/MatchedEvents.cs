using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.State;

/// <summary>
/// Events matched once against a definition's user signals, one fixed-length row of numbers each, to replay a history:
/// matching reads an event's strings and property dictionaries, applying its row (<see cref="ScoringState.Apply(MatchedEvents, int)"/>)
/// reads only the row and does exactly what applying the event does. A replay can match the events in the order they lie in
/// memory into rows ordered user by user, then apply each user's rows side by side instead of fetching scattered events.
/// </summary>
public sealed class MatchedEvents
{
    private readonly long[] _rows;
    private readonly int _rowLength;

    public MatchedEvents(PqlDefinition definition, int count)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Signals = definition.UserSignals;
        _rowLength = Signals.RowLength;
        _rows = new long[checked(count * _rowLength)];
        Count = count;
    }

    public int Count { get; }

    internal SignalSet Signals { get; }

    /// <summary>Matches <paramref name="scoringEvent"/> into row <paramref name="index"/>; rows can be written in any order.</summary>
    public void Match(int index, ScoringEvent scoringEvent)
    {
        ArgumentNullException.ThrowIfNull(scoringEvent);
        Signals.Match(scoringEvent, Row(index));
    }

    /// <summary>The matched event's timestamp, offset included.</summary>
    public DateTimeOffset TimestampAt(int index) => EventRow.TimestampOf(RowAt(index));

    public EventType TypeAt(int index) => EventRow.TypeOf(RowAt(index));

    internal ReadOnlySpan<long> RowAt(int index) => Row(index);

    private Span<long> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _rows.AsSpan(index * _rowLength, _rowLength);
    }
}
