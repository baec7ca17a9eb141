using System.Diagnostics.Metrics;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// What a RevOps team watches on leads: opened, routed, assigned to a rep, SLA breaches, escalations, closed.
/// Counted from the activities a lead turn has stored, so a turn that fails to save and is retried counts once.
/// </summary>
public sealed class LeadMetrics
{
    private readonly Counter<long> _opened;
    private readonly Counter<long> _routed;
    private readonly Counter<long> _assigned;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _closed;

    public LeadMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PqlMeter.Name);
        _opened = meter.CreateCounter<long>("pql.leads.opened", "{lead}", "Leads opened by a tier change.");
        _routed = meter.CreateCounter<long>("pql.leads.routed", "{lead}", "Leads that went through the routing rules.");
        _assigned = meter.CreateCounter<long>("pql.leads.assignments", "{assignment}", "Pool assignments of leads (to a rep, or to overflow when no rep is available), re-queues included.");
        _slaBreaches = meter.CreateCounter<long>("pql.leads.sla.breaches", "{breach}", "Times an assigned rep missed a lead's SLA.");
        _escalations = meter.CreateCounter<long>("pql.leads.escalations", "{lead}", "Leads escalated to a manager after repeated SLA misses.");
        _closed = meter.CreateCounter<long>("pql.leads.closed", "{lead}", "Leads closed (converted, disqualified, expired or closed by a rep).");
    }

    /// <summary>A lead turn stored an activity of this kind (the kinds of the lead's activity log).</summary>
    public void Stored(string activityKind)
    {
        var counter = activityKind switch
        {
            LeadActivityKind.Opened => _opened,
            LeadActivityKind.Routed => _routed,
            LeadActivityKind.Assignment => _assigned,
            LeadActivityKind.SlaMissed => _slaBreaches,
            LeadActivityKind.Escalated => _escalations,
            LeadActivityKind.Closed => _closed,
            _ => null,
        };
        counter?.Add(1);
    }
}
