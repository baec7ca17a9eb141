using PqlGrains.Routing.Loading;
using PqlGrains.Routing.Model;
using PqlGrains.Routing.Rules;

namespace PqlGrains.Routing.Tests;

public sealed class RoutingRulesTests
{
    private static readonly RoutingConfiguration Configuration = RoutingFile.Parse("""
        managers: [{ id: mgr, name: M, email: m@example.com }]
        reps:
          - { id: ae, name: A, email: a@example.com, role: AE, capacity: 8, working_hours: { time_zone: UTC, always: true } }
          - { id: sdr, name: S, email: s@example.com, role: SDR, capacity: 8, working_hours: { time_zone: UTC, always: true } }
        pools:
          - { id: ae-emea, members: [ae], overflow: { queue: q, manager: mgr } }
          - { id: ae-rest, members: [ae], overflow: { queue: q, manager: mgr } }
          - { id: sdr-pool, members: [sdr], overflow: { queue: q, manager: mgr } }
        rules:
          - { id: self-serve, match: { motions: [self_serve] }, action: nurture }
          - { id: sales-led, match: { motions: [sales_led] }, action: log_on_record, pool: ae-rest }
          - { id: warm, match: { tiers: [warm] }, action: nurture }
          - { id: enterprise-emea, match: { segments: [enterprise], countries: [DE, FR], regions: [EMEA] }, action: assign, pool: ae-emea }
          - { id: enterprise, match: { segments: [enterprise] }, action: assign, pool: ae-rest }
          - { id: smb, match: { segments: [smb], tiers: [hot, sales_ready] }, action: assign, pool: sdr-pool }
        """, "rules test");

    [Fact]
    public void Self_serve_motion_is_nurtured_without_a_rep_whatever_the_tier()
    {
        var decision = RoutingRules.Route(Configuration, new LeadFacts("sales_ready", Segment.Enterprise, "DE", "EMEA", LeadMotion.SelfServe));

        Assert.Equal(RuleActionKind.Nurture, decision.Action);
        Assert.Null(decision.PoolId);
    }

    [Fact]
    public void Sales_led_motion_logs_on_the_existing_record()
    {
        var decision = RoutingRules.Route(Configuration, new LeadFacts("hot", Segment.Smb, null, null, LeadMotion.SalesLed));

        Assert.Equal(RuleActionKind.LogOnExistingRecord, decision.Action);
        Assert.Equal("sales-led", decision.RuleId);
    }

    [Fact]
    public void Sales_assist_enterprise_in_a_listed_country_goes_to_the_territory_pool()
    {
        var decision = RoutingRules.Route(Configuration, new LeadFacts("sales_ready", Segment.Enterprise, "de", null, LeadMotion.SalesAssist));

        Assert.Equal(("enterprise-emea", RuleActionKind.AssignFromPool, "ae-emea"), (decision.RuleId, decision.Action, decision.PoolId));
    }

    [Fact]
    public void Region_alone_places_a_company_in_the_territory()
    {
        var decision = RoutingRules.Route(Configuration, new LeadFacts("hot", Segment.Enterprise, "IT", "emea", LeadMotion.SalesAssist));

        Assert.Equal("ae-emea", decision.PoolId);
    }

    [Fact]
    public void Enterprise_outside_the_territory_falls_through_to_the_next_rule_and_the_trace_says_why()
    {
        var decision = RoutingRules.Route(Configuration, new LeadFacts("hot", Segment.Enterprise, "US", "NA", LeadMotion.SalesAssist));

        Assert.Equal("ae-rest", decision.PoolId);
        var territoryMiss = decision.Trace.Single(t => t.RuleId == "enterprise-emea");
        Assert.False(territoryMiss.Matched);
        Assert.Contains("territory US/NA", territoryMiss.Why);
        Assert.Contains("Rule enterprise matched", decision.Explanation);
    }

    [Fact]
    public void Tier_is_matched_by_name()
    {
        Assert.Equal("warm", RoutingRules.Route(Configuration, new LeadFacts("warm", Segment.Smb, null, null, LeadMotion.SalesAssist)).RuleId);
        Assert.Equal("sdr-pool", RoutingRules.Route(Configuration, new LeadFacts("Hot", Segment.Smb, null, null, LeadMotion.SalesAssist)).PoolId);
    }

    [Fact]
    public void No_matching_rule_is_explained_with_the_fix()
    {
        var decision = RoutingRules.Route(Configuration, new LeadFacts("cold", Segment.Smb, null, null, LeadMotion.SalesAssist));

        Assert.False(decision.Matched);
        Assert.Null(decision.Action);
        Assert.Contains("catch-all rule", decision.Explanation);
        Assert.Equal(6, decision.Trace.Count);
    }
}
