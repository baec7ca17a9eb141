using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Delivery;
using PqlGrains.Grains.Leads;
using PqlGrains.Grains.Tests.Infrastructure;

namespace PqlGrains.Grains.Tests.Leads;

public sealed class LeadMetricsTests : IDisposable
{
    private readonly RecordedMeasurements _recorded = new();

    [Fact]
    public void Stored_lead_activities_count_as_opened_routed_breaches_and_escalations_and_other_kinds_count_nothing()
    {
        var metrics = new LeadMetrics(_recorded.Meters);

        foreach (var kind in new[] { "opened", "routed", "assignment", "sla-missed", "sla-missed", "escalated", "closed", "feedback", "note-skipped" })
        {
            metrics.Stored(kind);
        }

        Assert.Equal(1, _recorded.Sum("pql.leads.opened"));
        Assert.Equal(1, _recorded.Sum("pql.leads.routed"));
        Assert.Equal(1, _recorded.Sum("pql.leads.assignments"));
        Assert.Equal(2, _recorded.Sum("pql.leads.sla.breaches"));
        Assert.Equal(1, _recorded.Sum("pql.leads.escalations"));
        Assert.Equal(1, _recorded.Sum("pql.leads.closed"));
    }

    [Fact]
    public void Delivery_outcomes_are_tagged_with_their_channel_crm_alert_or_webhook()
    {
        var metrics = new DeliveryMetrics(_recorded.Meters);

        metrics.Delivered(DeliveryKind.CreateTask);
        metrics.Delivered(DeliveryKind.CompleteTask);
        metrics.Retrying(DeliveryKind.Alert);
        metrics.DeadLettered(DeliveryKind.Alert);
        metrics.DeadLettered(DeliveryKind.Webhook);

        Assert.Equal(2, _recorded.Sum("pql.delivery.outcomes", new("channel", "crm")));
        Assert.Equal(2, _recorded.Sum("pql.delivery.outcomes", new("outcome", "dead_lettered")));
        Assert.Equal(1, _recorded.Sum("pql.delivery.outcomes", new("outcome", "retrying")));
        Assert.Equal(2, _recorded.Sum("pql.delivery.outcomes", new("channel", "alert")));
    }

    public void Dispose() => _recorded.Dispose();
}
