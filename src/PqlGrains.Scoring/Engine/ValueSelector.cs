using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>What "distinct" counts: a property's values, or the users behind the events (account signals).</summary>
internal sealed class ValueSelector
{
    private ValueSelector(string? property) => Property = property;

    public string? Property { get; }

    public static ValueSelector UserId { get; } = new(null);

    public static ValueSelector Of(string property) => new(property);

    /// <summary>A stable hash of the selected value, or 0 when the event has none.</summary>
    public long HashOf(ScoringEvent scoringEvent)
    {
        if (Property is null)
        {
            return StableHash.Of(scoringEvent.UserId);
        }

        return scoringEvent.Properties.TryGetValue(Property, out var value) && !value.IsNull ? StableHash.Of(value) : 0;
    }
}
