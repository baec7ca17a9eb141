using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>
/// A small definition for grain tests, scored by the real engine. Continuous decay keeps test
/// events (minutes old) within a hair of their full points, so tiers are stable whatever the
/// hour; exact scores are compared against the engine applied directly to the same events.
/// </summary>
internal static class TestDefinition
{
    public const string Yaml = """
        id: grain-tests
        version: "t1"
        timeZone: UTC
        halfLifeDays: 7
        decay: continuous
        signals:
          - id: billing_page
            category: adoption
            points: 50
            on: billing_page_viewed
            explain: "visited the billing page {ago}"
          - id: teammate_invited
            category: viral
            points: 30
            on: member_invited
            explain: "invited {count} {count|teammate|teammates}"
          - id: feature_activated
            category: adoption
            points: 15
            on: feature_activated
            explain: "activated {count} {count|feature|features}"
        tiers:
          - { name: warm, minScore: 40, route: nurture, sla: none }
          - { name: hot, minScore: 60, route: sdr, sla: 2h }
          - { name: sales_ready, minScore: 80, route: ae, sla: 15m }
        account:
          topUsers: 3
          signals:
            - id: active_users
              category: frequency
              points: 30
              when:
                activeUsers: { atLeast: 3, within: 7d }
              explain: "{count} active users in the last 7 days"
        """;

    public static PqlDefinition Definition { get; } = PqlDefinition.Load(Yaml, "grain-tests.yaml").GetDefinitionOrThrow();

    /// <summary>What the engine alone says these events score at <paramref name="at"/>.</summary>
    public static double ExpectedUserScore(IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var state = Definition.CreateUserState();
        foreach (var scoringEvent in events)
        {
            state.Apply(scoringEvent);
        }

        return state.Evaluate(at).Score;
    }
}
