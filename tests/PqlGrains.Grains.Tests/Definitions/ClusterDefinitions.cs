using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Definitions;

/// <summary>
/// Definition versions the cluster tests submit: <see cref="Base"/> is the test definition's rules, <see cref="Cheaper"/>
/// gives fewer points (sales_ready there becomes warm here), <see cref="LowBar"/> keeps the points and lowers the tiers.
/// Continuous decay keeps minutes-old events within a hair of full points whatever the hour.
/// </summary>
internal static class ClusterDefinitions
{
    public static readonly string Base = Yaml("c1", billing: 50, invite: 30, warm: 40, hot: 60, salesReady: 80);

    public static readonly string Cheaper = Yaml("c2", billing: 10, invite: 20, warm: 40, hot: 60, salesReady: 80);

    public static readonly string LowBar = Yaml("c3-low", billing: 50, invite: 30, warm: 10, hot: 20, salesReady: 30);

    public static string Yaml(string version, int billing, int invite, int warm, int hot, int salesReady) => $$"""
        id: cluster-tests
        version: "{{version}}"
        timeZone: UTC
        halfLifeDays: 7
        decay: continuous
        signals:
          - id: billing_page
            category: adoption
            points: {{billing}}
            on: billing_page_viewed
            explain: "visited the billing page {ago}"
          - id: teammate_invited
            category: viral
            points: {{invite}}
            on: member_invited
            explain: "invited {count} {count|teammate|teammates}"
          - id: feature_activated
            category: adoption
            points: 15
            on: feature_activated
            explain: "activated {count} {count|feature|features}"
        tiers:
          - { name: warm, minScore: {{warm}}, route: nurture, sla: none }
          - { name: hot, minScore: {{hot}}, route: sdr, sla: 2h }
          - { name: sales_ready, minScore: {{salesReady}}, route: ae, sla: 15m }
        """;

    /// <summary>What the engine alone gives these events under a definition at <paramref name="at"/>.</summary>
    public static double EngineScore(string yaml, IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var state = PqlDefinition.Load(yaml, "engine.yaml").GetDefinitionOrThrow().CreateUserState();
        foreach (var scoringEvent in events)
        {
            state.Apply(scoringEvent);
        }

        return state.Evaluate(at).Score;
    }
}
