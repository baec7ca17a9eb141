using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Routing;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>Capacity is the rep's across every pool they belong to, not each pool's.</summary>
[Collection(LeadClusterCollection.Name)]
public sealed class RepCapacityTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task Rep_in_two_pools_at_capacity_is_skipped_by_both_until_a_lead_is_released()
    {
        var shared = "shared-" + Guid.NewGuid().ToString("N")[..6];
        await cluster.UseRoutingAsync(TwoPools("cap-a", "cap-b", shared, capacity: 1, warmToFirstPool: true));
        var (first, second, third) = (NewAccount(), NewAccount(), NewAccount());

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-cap-1", first, "warm", 45));
        var held = await cluster.WaitForLeadAsync(LeadKeys.Account(first), lead => lead.Status == LeadStatus.Assigned, "the warm lead from pool cap-a");
        Assert.Equal((shared, "cap-a"), (held.AssigneeId, held.PoolId));

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-cap-2", second, "sales_ready", 85));
        var skipped = await cluster.WaitForLeadAsync(LeadKeys.Account(second), lead => lead.Status == LeadStatus.Assigned, "the sales-ready lead from pool cap-b");
        Assert.Equal(("cap-b-only", "cap-b"), (skipped.AssigneeId, skipped.PoolId));
        Assert.Contains($"{shared} (at capacity (1 open of 1))", skipped.Activities.Last(activity => activity.Kind == "assignment").Detail);
        Assert.Equal([held.LeadId], await Ledger(shared).OpenLeads());

        // Contact releases the rep in the ledger, so the other pool may give them the next lead.
        await LeadClusterFixture.RecordContactAsync(cluster, held);
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-cap-3", third, "sales_ready", 85));
        var freed = await cluster.WaitForLeadAsync(LeadKeys.Account(third), lead => lead.Status == LeadStatus.Assigned, "the next sales-ready lead");
        Assert.Equal(shared, freed.AssigneeId);
        Assert.Equal([freed.LeadId], await Ledger(shared).OpenLeads());
    }

    [Fact]
    public async Task Concurrent_assignments_from_two_pools_never_give_a_rep_more_than_capacity()
    {
        var shared = "busy-" + Guid.NewGuid().ToString("N")[..6];
        await cluster.UseRoutingAsync(TwoPools("race-a", "race-b", shared, capacity: 8, warmToFirstPool: false, withOthers: false));
        var pools = new[] { cluster.GrainFactory.GetGrain<IPoolGrain>("race-a"), cluster.GrainFactory.GetGrain<IPoolGrain>("race-b") };

        var picks = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => pools[i % 2].Assign($"race-lead-{shared}-{i}", null)));

        Assert.Equal(8, picks.Count(pick => pick.RepId == shared));
        Assert.Equal(16, picks.Count(pick => pick.RepId is null && pick.OverflowQueue is not null));
        Assert.All(picks.Where(pick => pick.RepId is null), pick => Assert.Contains($"{shared} (at capacity (8 open of 8))", pick.Explanation));
        Assert.Equal(8, (await Ledger(shared).OpenLeads()).Length);
        var held = (await pools[0].Workload()).GetValueOrDefault(shared) + (await pools[1].Workload()).GetValueOrDefault(shared);
        Assert.Equal(8, held);

        // A release through the pool that assigned the lead frees exactly one place, which the other pool may take.
        var released = Array.FindIndex(picks, pick => pick.RepId == shared);
        var (releasing, other) = (pools[released % 2], pools[(released + 1) % 2]);
        await releasing.Release($"race-lead-{shared}-{released}");
        Assert.Equal(shared, (await other.Assign($"race-lead-{shared}-late", null)).RepId);
        Assert.Null((await releasing.Assign($"race-lead-{shared}-later", null)).RepId);
    }

    [Fact]
    public async Task Overlapping_calls_for_the_same_lead_get_the_same_rep_and_count_once_while_others_rotate()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (left, right) = ("rot-l-" + suffix, "rot-r-" + suffix);
        await cluster.UseRoutingAsync(TestRouting.SinglePool("rot-" + suffix, TestRouting.Rep(left, "80000031"), TestRouting.Rep(right, "80000032")));
        var pool = cluster.GrainFactory.GetGrain<IPoolGrain>("rot-" + suffix);

        var same = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => pool.Assign("rot-lead-" + suffix, null)));
        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => pool.Assign($"rot-lead-{suffix}-{i}", null)));

        Assert.Single(same.Select(pick => pick.RepId).Distinct());
        Assert.Equal(2, others.Count(pick => pick.RepId == left));
        Assert.Equal(2, others.Count(pick => pick.RepId == right));
        var ledgers = (await Ledger(left).OpenLeads()).Concat(await Ledger(right).OpenLeads()).ToList();
        Assert.Single(ledgers, lead => lead == "rot-lead-" + suffix);
        Assert.Equal(5, ledgers.Count);
    }

    [Fact]
    public async Task Pool_saved_before_the_rep_ledgers_hands_its_open_leads_over_when_it_activates()
    {
        var rep = "legacy-" + Guid.NewGuid().ToString("N")[..6];
        var pool = "legacy-pool-" + rep;
        await cluster.UseRoutingAsync(TestRouting.SinglePool(pool, TestRouting.Rep(rep, "80000901", capacity: 1)));
        await cluster.SeedStateAsync("pool", "pool", pool, new PoolState { OpenLeads = { [rep] = new HashSet<string>(StringComparer.Ordinal) { "legacy-lead" } } });

        var pick = await cluster.GrainFactory.GetGrain<IPoolGrain>(pool).Assign("new-lead", null);

        Assert.Null(pick.RepId);
        Assert.Contains($"{rep} (at capacity (1 open of 1))", pick.Explanation);
        Assert.Equal(["legacy-lead"], await Ledger(rep).OpenLeads());
    }

    private IRepWorkloadGrain Ledger(string repId) => cluster.GrainFactory.GetGrain<IRepWorkloadGrain>(repId);

    private static string NewAccount() => "acme-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Two pools that both list <paramref name="shared"/> first; warm leads go to the first pool, the rest to the second.</summary>
    private static string TwoPools(string first, string second, string shared, int capacity, bool warmToFirstPool, bool withOthers = true) => $$"""
        version: {{first}}-{{second}}
        managers:
          - { id: mgr, name: Morgan Manager, email: mgr@example.com, crm_owner_ids: { hubspot: "{{TestRouting.ManagerHubSpotId}}" } }
        reps:
        {{TestRouting.Rep(shared, "80000601", capacity)}}
        {{(withOthers ? TestRouting.Rep(first + "-only", "80000602") + TestRouting.Rep(second + "-only", "80000603") : string.Empty)}}
        pools:
          - { id: {{first}}, members: [{{shared}}{{(withOthers ? ", " + first + "-only" : string.Empty)}}], overflow: { queue: {{first}}-overflow, manager: mgr } }
          - { id: {{second}}, members: [{{shared}}{{(withOthers ? ", " + second + "-only" : string.Empty)}}], overflow: { queue: {{second}}-overflow, manager: mgr } }
        rules:
          {{(warmToFirstPool ? $"- {{ id: warm, match: {{ tiers: [warm] }}, action: assign, pool: {first} }}" : string.Empty)}}
          - { id: everyone, action: assign, pool: {{second}} }
        """;
}
