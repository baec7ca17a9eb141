using System.Net;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.IntegrationTests.Cluster;
using PqlGrains.Testing.Fakes;
using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Leads;

/// <summary>Leads on PostgreSQL across silo processes: the SLA reminder and the outbox survive a killed silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeadFailoverTests(PostgresServer server)
{
    private const string Routing = """
        version: failover
        managers:
          - { id: mgr, name: Morgan Manager, email: mgr@example.com, crm_owner_ids: { hubspot: "70000001" } }
        reps:
          - { id: rep-a, name: Rep A, email: a@example.com, crm_owner_ids: { hubspot: "80000001" }, role: AE, capacity: 8, working_hours: { time_zone: UTC, always: true }, manager: mgr }
          - { id: rep-b, name: Rep B, email: b@example.com, crm_owner_ids: { hubspot: "80000002" }, role: AE, capacity: 8, working_hours: { time_zone: UTC, always: true }, manager: mgr }
        pools:
          - { id: ae-pool, members: [rep-a, rep-b], overflow: { queue: ae-overflow, manager: mgr } }
        rules:
          - { id: everyone, action: assign, pool: ae-pool }
        """;

    [Fact]
    public async Task SLA_reminder_still_requeues_the_lead_after_the_silo_holding_it_is_killed()
    {
        await using var crm = await FakeHubSpotServer.StartAsync();
        var (connection, settings) = await SettingsAsync("sla-failover", crm, hotSla: "00:00:12");
        var silos = await SiloProcess.StartManyAsync(2, settings);
        await using var a = silos[0];
        await using var b = silos[1];
        await using var client = await LeadClusterClient.ConnectAsync(connection, "sla-failover");
        await client.Grains.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Replace(Routing, "test");

        await client.Grains.GetGrain<ILeadGrain>(LeadKeys.Account("acme")).Qualify(new TierChanged(SubjectKind.User, "u-1", null, "hot", 70, "def-1", DateTimeOffset.UtcNow, false, "acme"));
        // Kill only once the first task is safely recorded: a crash between the CRM's answer and the outbox's write
        // is the one window where a task can repeat (HubSpot has no idempotency key).
        var assigned = await client.WaitForLeadAsync(LeadKeys.Account("acme"), lead => lead.Deliveries.Any(d => d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered), "the first task");
        var host = await HostOfAsync(client, "LeadGrain", "account:acme", a, b);
        await host.KillAsync();

        // Failover plus a loaded machine can take longer than one SLA: a second miss (escalation) may follow.
        var requeued = await client.WaitForLeadAsync(LeadKeys.Account("acme"), lead => lead.SlaMisses >= 1, "the SLA miss on the surviving silo");
        Assert.Equal(assigned.AssigneeId, requeued.PreviousAssignees[0]);
        var tasks = await EventuallyAsync(() => crm.Tasks, found => found.Count >= 2, "the re-queued task");
        Assert.Equal(["80000001", "80000002"], tasks.Take(2).Select(task => task.Property("hubspot_owner_id")).Order());
        Assert.Empty(crm.Violations);
    }

    [Fact]
    public async Task Outbox_delivers_the_task_exactly_once_after_the_silo_retrying_it_is_killed()
    {
        await using var crm = await FakeHubSpotServer.StartAsync();
        var (connection, settings) = await SettingsAsync("outbox-failover", crm, hotSla: "01:00:00");
        crm.FailNextTaskCreates(10_000, HttpStatusCode.ServiceUnavailable);
        var silos = await SiloProcess.StartManyAsync(2, settings);
        await using var a = silos[0];
        await using var b = silos[1];
        await using var client = await LeadClusterClient.ConnectAsync(connection, "outbox-failover");
        await client.Grains.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Replace(Routing, "test");
        await client.Grains.GetGrain<ILeadGrain>(LeadKeys.Account("globex")).Qualify(new TierChanged(SubjectKind.User, "u-2", null, "sales_ready", 90, "def-1", DateTimeOffset.UtcNow, true, "globex"));
        await EventuallyAsync(() => crm.FailedAnswers, failed => failed >= 2, "retries against the failing CRM");

        var host = await HostOfAsync(client, "LeadOutboxGrain", "account:globex", a, b);
        await host.KillAsync();
        crm.StopFailing();

        var tasks = await EventuallyAsync(() => crm.Tasks, found => found.Count >= 1, "the task from the surviving silo");
        var lead = await client.WaitForLeadAsync(LeadKeys.Account("globex"), lead => lead.Deliveries.Any(d => d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered), "the delivery report");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(crm.Tasks);
        Assert.Equal(tasks[0].CreatedId, lead.Deliveries.Single(d => d.Kind == DeliveryKind.CreateTask).ExternalId);
        Assert.Empty(crm.Violations);
    }

    private async Task<(string Connection, Dictionary<string, string> Settings)> SettingsAsync(string clusterId, FakeHubSpotServer crm, string hotSla)
    {
        var connection = await server.CreateDatabaseAsync(clusterId);
        var settings = PostgresSiloSettings.For(connection, clusterId);
        settings["Pql__Crm__HubSpot__BaseUrl"] = crm.BaseUrl.ToString();
        settings["Pql__Crm__HubSpot__AccessToken"] = FakeHubSpotServer.AccessToken;
        settings["Pql__Leads__TierSla__hot"] = hotSla;
        settings["Pql__Leads__SlaCheckPeriod"] = "00:00:01";
        settings["Pql__Outbox__InitialBackoff"] = "00:00:00.200";
        settings["Pql__Outbox__MaxBackoff"] = "00:00:01";
        settings["Pql__Outbox__WakeUpPeriod"] = "00:00:01";
        return (connection, settings);
    }

    /// <summary>The silo process holding the grain's activation.</summary>
    private static async Task<SiloProcess> HostOfAsync(LeadClusterClient client, string grainClass, string key, SiloProcess a, SiloProcess b)
    {
        var statistics = await client.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var grain = statistics.First(statistic => statistic.GrainId.ToString().Contains(key, StringComparison.Ordinal) && statistic.GrainType.Contains("." + grainClass, StringComparison.Ordinal));
        return grain.SiloAddress.ToString().Contains($":{a.SiloPort}:", StringComparison.Ordinal) ? a : b;
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var value = read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited 60 s for {what}.");
    }
}
