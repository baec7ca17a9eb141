using PqlGrains.Abstractions.Leads;
using PqlGrains.Routing.Model;
using PqlGrains.Routing.Rules;

namespace PqlGrains.Grains.Leads;

/// <summary>Routing and assignment: rules pick the route, the pool picks the rep, the outbox delivers.</summary>
public sealed partial class LeadGrain
{
    private async Task RouteAsync(Lead lead, RoutingConfiguration configuration, DateTimeOffset now)
    {
        var context = lead.Context!;
        var motion = MotionOf(context);
        var company = context.Company;
        var segment = Enum.TryParse<Segment>(company?.Segment, ignoreCase: true, out var parsed) ? parsed : Segment.Smb;
        var decision = RoutingRules.Route(configuration, new LeadFacts(lead.Tier, segment, company?.Country, company?.Region, motion));
        lead.Motion = MotionName(motion);
        lead.RouteExplanation = decision.Explanation;
        Log(lead, now, LeadActivityKind.Routed, decision.Explanation);
        switch (decision.Action)
        {
            case RuleActionKind.AssignFromPool:
                lead.Route = "assign";
                lead.PoolId = decision.PoolId;
                await AssignAsync(lead, configuration, excludedRepId: null, LeadAlertKind.NewLead, now);
                break;
            case RuleActionKind.LogOnExistingRecord:
                lead.Route = "log_on_record";
                await EnqueueAsync(lead, [Item(lead, DeliveryKind.AddNote, $"Product-qualified ({lead.Tier}, score {LeadText.Number(lead.Score)}) on an account sales already works", null)]);
                break;
            case RuleActionKind.Nurture:
                lead.Route = "nurture";
                await EnqueueAsync(lead, [Item(lead, DeliveryKind.Webhook, $"Nurture: {lead.Tier} at score {LeadText.Number(lead.Score)}", null) with { WebhookType = "lead.nurture" }]);
                break;
            default:
                lead.Route = "none";
                break;
        }
    }

    private async Task AssignAsync(Lead lead, RoutingConfiguration configuration, string? excludedRepId, LeadAlertKind kind, DateTimeOffset now)
    {
        var pick = await GrainFactory.GetGrain<IPoolGrain>(lead.PoolId!).Assign(lead.LeadId, excludedRepId, _routingRevision);
        Log(lead, now, LeadActivityKind.Assignment, pick.Explanation);
        var items = new List<DeliveryRequest>();
        if (lead.CurrentTaskItemId is { } previousTask)
        {
            items.Add(Item(lead, DeliveryKind.CompleteTask, "Lead moved on", null) with { TaskItemId = previousTask });
            lead.CurrentTaskItemId = null;
        }

        if (pick.RepId is { } repId && configuration.FindRep(repId) is { } rep)
        {
            var sla = _slas.For(lead.Tier);
            lead.Status = LeadStatus.Assigned;
            lead.AssigneeId = rep.Id;
            lead.AssigneeName = rep.Name;
            lead.OverflowQueue = null;
            lead.RetryAssignmentAt = null;
            lead.SlaDeadline = now + sla;
            var owner = new Owner(rep.Id, rep.Name, rep.CrmOwnerIds.HubSpot, rep.CrmOwnerIds.Salesforce);
            var task = Item(lead, DeliveryKind.CreateTask, lead.RouteExplanation, owner) with { DueAt = lead.SlaDeadline, HighPriority = sla <= _options.HighPriorityWithin };
            lead.CurrentTaskItemId = task.ItemId;
            items.Add(task);
            items.Add(Item(lead, DeliveryKind.Alert, kind == LeadAlertKind.Requeued ? $"SLA missed; re-queued to {rep.Name}. {pick.Explanation}" : pick.Explanation, owner) with { AlertKind = kind, DueAt = lead.SlaDeadline });
        }
        else
        {
            var manager = pick.OverflowManagerId is null ? null : configuration.FindManager(pick.OverflowManagerId);
            lead.Status = LeadStatus.Open;
            lead.AssigneeId = null;
            lead.AssigneeName = null;
            lead.SlaDeadline = null;
            lead.OverflowQueue = pick.OverflowQueue;
            lead.RetryAssignmentAt = now + _options.OverflowRetry;
            var owner = manager is null ? null : new Owner(manager.Id, manager.Name, manager.CrmOwnerIds.HubSpot, manager.CrmOwnerIds.Salesforce);
            items.Add(Item(lead, DeliveryKind.Alert, pick.Explanation, owner) with { AlertKind = LeadAlertKind.Overflow });
        }

        await EnqueueAsync(lead, items);
    }

    /// <summary>The routing in force; its revision goes with the pool call so the pool need not fetch it again.</summary>
    private async Task<RoutingConfiguration> RoutingAsync()
    {
        var (revision, configuration) = await _routing.LatestAsync();
        _routingRevision = revision;
        return configuration;
    }

    private LeadMotion MotionOf(LeadContext context)
    {
        if (State.Links.OpenOpportunity)
        {
            return LeadMotion.SalesLed;
        }

        return context.Plan is { } plan && _options.MotionByPlan.TryGetValue(plan, out var motion) ? motion : _options.DefaultMotion;
    }

    private static string MotionName(LeadMotion motion) => motion switch
    {
        LeadMotion.SelfServe => "self_serve",
        LeadMotion.SalesLed => "sales_led",
        _ => "sales_assist",
    };

    private DeliveryRequest Item(Lead lead, DeliveryKind kind, string headline, Owner? owner)
    {
        lead.ItemCount++;
        return new DeliveryRequest(
            $"{lead.LeadId}/{lead.ItemCount}",
            lead.LeadId,
            kind,
            lead.Context!,
            owner?.Id,
            owner?.Name,
            owner?.HubSpot,
            owner?.Salesforce,
            null,
            false,
            headline,
            LeadAlertKind.NewLead,
            State.Links,
            null,
            null,
            _time.GetUtcNow());
    }

    private static Owner? OwnerOf(RoutingConfiguration configuration, string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (configuration.FindRep(id) is { } rep)
        {
            return new Owner(rep.Id, rep.Name, rep.CrmOwnerIds.HubSpot, rep.CrmOwnerIds.Salesforce);
        }

        return configuration.FindManager(id) is { } manager ? new Owner(manager.Id, manager.Name, manager.CrmOwnerIds.HubSpot, manager.CrmOwnerIds.Salesforce) : null;
    }

    private Task EnqueueAsync(Lead lead, IReadOnlyList<DeliveryRequest> items)
    {
        foreach (var item in items)
        {
            Log(lead, item.CreatedAt, "outbox", $"{item.Kind} queued as {item.ItemId}{(item.OwnerName is null ? string.Empty : $" for {item.OwnerName}")}");
        }

        return items.Count == 0 ? Task.CompletedTask : GrainFactory.GetGrain<ILeadOutboxGrain>(Subject).Enqueue([.. items]);
    }

    /// <summary>Who a task or alert is for.</summary>
    private sealed record Owner(string Id, string Name, string? HubSpot, string? Salesforce);
}
