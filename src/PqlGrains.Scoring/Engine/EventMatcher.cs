using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>Which events a signal or condition counts: a call type, an optional name, and property predicates (all must hold).</summary>
internal sealed class EventMatcher(EventType type, string? name, PropertyPredicate[] predicates)
{
    public EventType Type { get; } = type;

    public string? Name { get; } = name;

    public bool Matches(ScoringEvent scoringEvent)
    {
        if (scoringEvent.Type != Type || (Name is not null && !string.Equals(scoringEvent.Name, Name, StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var predicate in predicates)
        {
            if (!predicate.Matches(scoringEvent.Properties))
            {
                return false;
            }
        }

        return true;
    }

    public static bool AnyMatches(EventMatcher[] matchers, ScoringEvent scoringEvent)
    {
        foreach (var matcher in matchers)
        {
            if (matcher.Matches(scoringEvent))
            {
                return true;
            }
        }

        return false;
    }
}
