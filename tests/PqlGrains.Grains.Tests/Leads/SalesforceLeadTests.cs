using System.Globalization;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Testing.Fakes;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(SalesforceLeadClusterCollection.Name)]
public sealed class SalesforceLeadTests(SalesforceLeadClusterFixture cluster)
{
    private const string Owner = "005000000000011AAA";
    private const string Contact = "003000000000077AAA";
    private const string Account = "001000000000077AAA";

    private FakeSalesforceServer Salesforce => cluster.Salesforce;

    [Fact]
    public async Task Qualifying_lead_creates_one_Salesforce_Task_beside_the_HubSpot_task_and_requalification_logs_an_activity_on_the_same_records()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("sf-pool", TestRouting.Rep("sf-ae", "80000501", salesforceOwner: Owner)));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);
        await cluster.GrainFactory.GetGrain<ILeadGrain>(subject).LinkCrmRecords(new CrmLinks(SalesforceWhoId: Contact, SalesforceWhatId: Account));

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-sf", account, "sales_ready", 80));

        var lead = await cluster.WaitForLeadAsync(subject, lead => lead.Deliveries.Count(d => d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered) == 2, "the task in both CRMs");
        var task = Assert.Single(Salesforce.OpenTasks, request => SalesforceLeadClusterFixture.AboutInSalesforce(request, lead.LeadId));
        Assert.Empty(Salesforce.Violations);
        Assert.Equal("/services/data/v60.0/sobjects/Task", task.Path);
        Assert.Equal(Owner, FakeSalesforceServer.Field(task, "OwnerId"));
        Assert.Equal(Contact, FakeSalesforceServer.Field(task, "WhoId"));
        Assert.Equal(Account, FakeSalesforceServer.Field(task, "WhatId"));
        Assert.Equal(lead.SlaDeadline!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FakeSalesforceServer.Field(task, "ActivityDate"));
        Assert.Equal("Not Started", FakeSalesforceServer.Field(task, "Status"));
        Assert.Equal("High", FakeSalesforceServer.Field(task, "Priority"));
        Assert.StartsWith("PQL sales-ready:", FakeSalesforceServer.Field(task, "Subject"));
        Assert.Contains("Score: 80 (sales-ready)", FakeSalesforceServer.Field(task, "Description"));
        Assert.Contains("Suggested opening", FakeSalesforceServer.Field(task, "Description"));
        Assert.Equal(task.CreatedId, lead.Deliveries.Single(d => d.Kind == DeliveryKind.CreateTask && d.Connector == "salesforce").ExternalId);
        Assert.Single(cluster.Crm.Tasks, request => LeadClusterFixture.About(request, lead.LeadId));

                // A second user of the account pushes the open lead's score higher.
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-sf-2", account, "sales_ready", 92));

        var activity = await cluster.EventuallyAsync(
            () => Salesforce.LoggedActivities.Where(request => SalesforceLeadClusterFixture.AboutInSalesforce(request, lead.LeadId)).ToList(),
            activities => activities.Count == 1,
            "the re-qualification activity in Salesforce");
        Assert.StartsWith("Re-qualified: tier sales_ready, score 80 -> 92", FakeSalesforceServer.Field(activity[0], "Subject"));
        Assert.Equal((Contact, Account, Owner), (FakeSalesforceServer.Field(activity[0], "WhoId"), FakeSalesforceServer.Field(activity[0], "WhatId"), FakeSalesforceServer.Field(activity[0], "OwnerId")));
        await Task.Delay(500);
        Assert.Single(Salesforce.OpenTasks, request => SalesforceLeadClusterFixture.AboutInSalesforce(request, lead.LeadId));
        Assert.Single(cluster.Crm.Tasks, request => LeadClusterFixture.About(request, lead.LeadId));
        Assert.Single(cluster.Crm.SlackMessages, message => message.Body.ToJsonString().Contains(lead.LeadId, StringComparison.Ordinal));
        Assert.Empty(Salesforce.Violations);
    }

    [Fact]
    public async Task Salesforce_failing_past_DeadLetterAfter_is_dead_lettered_with_the_reason_and_never_tried_again()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("sf-dead-pool", TestRouting.Rep("sf-dead-ae", "80000502", salesforceOwner: Owner)));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        Salesforce.FailTaskCreates(int.MaxValue);
        try
        {
            await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-sf-dead", account, "sales_ready", 80));

            var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Deliveries.Any(d => d.Connector == "salesforce" && d.State == DeliveryState.DeadLettered), "the Salesforce dead letter");
            var dead = lead.Deliveries.Single(d => d.Connector == "salesforce" && d.State == DeliveryState.DeadLettered);
            Assert.Equal(DeliveryKind.CreateTask, dead.Kind);
            Assert.Contains("Pql:Outbox:DeadLetterAfter", dead.Reason);
            Assert.Contains("SERVER_UNAVAILABLE", dead.Reason);
            Assert.Contains(lead.Activities, activity => activity.Kind == "dead-letter" && activity.Detail.Contains("salesforce", StringComparison.Ordinal));
            var letters = await cluster.GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).DeadLetters(0, 100);
            var letter = Assert.Single(letters, letter => letter.LeadId == lead.LeadId);
            Assert.True(letter.Attempts >= 2, $"gave up after {letter.Attempts} attempt(s); the outage should have been retried first");
            Assert.True(dead.At - letter.FirstAttemptAt >= SalesforceLeadClusterFixture.DeadLetterAfter, $"dead-lettered {dead.At - letter.FirstAttemptAt} after the first attempt");

            // HubSpot took the same task; Salesforce gets no further attempt although it is still failing.
            Assert.Contains(lead.Deliveries, d => d.Connector == "hubspot" && d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered);
            var failedWhenGivenUp = Salesforce.FailedAnswers;
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(failedWhenGivenUp, Salesforce.FailedAnswers);
            Assert.Equal(0, await cluster.GrainFactory.GetGrain<ILeadOutboxGrain>(lead.Subject).PendingCount());
        }
        finally
        {
            Salesforce.StopFailing();
        }
    }
}
