using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// The SLA: one reminder per open lead, due at its next deadline (SLA, overflow retry or expiry). On wake-up the
/// deadline is compared with the clock, so ticks missed while no silo held the grain are not replayed.
/// </summary>
public sealed partial class LeadGrain
{
    private const string DeadlineReminder = "lead-deadline";

    /// <summary>
    /// The deadline this activation last pointed the reminder at (<see cref="DateTimeOffset.MaxValue"/>: removed), or
    /// null before it has armed it once. A re-qualification leaves the deadline as it was, and registering the same
    /// reminder again is a reminder table write (a PostgreSQL commit) plus a restart of the silo's reminder timer.
    /// </summary>
    private DateTimeOffset? _armedFor;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var lead = OpenLead;
        var now = _time.GetUtcNow();
        if (lead is null)
        {
            await ArmReminderAsync(null);
            return;
        }

        if (now >= lead.OpenedAt + _options.ExpireAfter)
        {
            await CloseAsync(lead, LeadStatus.Expired, $"no outcome within {_options.ExpireAfter.TotalDays:0.#} days", now);
            await CommitAsync(lead);
            return;
        }

        if (lead.Status == LeadStatus.Assigned && !lead.Escalated && lead.SlaDeadline is { } deadline && now >= deadline)
        {
            await MissAsync(lead, now);
            await CommitAsync(lead);
        }
        else if (lead.Status == LeadStatus.Open && lead.RetryAssignmentAt is { } retry && now >= retry && lead.PoolId is not null)
        {
            var configuration = await RoutingAsync();
            await AssignAsync(lead, configuration, lead.PreviousAssignees.LastOrDefault(), LeadAlertKind.NewLead, now);
            await CommitAsync(lead);
        }

        await ArmReminderAsync(lead);
    }

    private async Task MissAsync(Lead lead, DateTimeOffset now)
    {
        var missed = lead.AssigneeId!;
        lead.SlaMisses++;
        lead.PreviousAssignees.Add(missed);
        Log(lead, now, LeadActivityKind.SlaMissed, $"{lead.AssigneeName} ({missed}) missed the SLA due {lead.SlaDeadline:O} (miss {lead.SlaMisses} of {_options.EscalateAfterMisses})");
        await ReleaseAsync(lead);
        var configuration = await RoutingAsync();
        if (lead.SlaMisses < _options.EscalateAfterMisses)
        {
            await AssignAsync(lead, configuration, excludedRepId: missed, LeadAlertKind.Requeued, now);
            return;
        }

        var managerId = configuration.FindRep(missed)?.ManagerId
            ?? (lead.PoolId is null ? null : configuration.FindPool(lead.PoolId)?.Overflow.ManagerId);
        var manager = managerId is null ? null : configuration.FindManager(managerId);
        var owner = manager is null ? null : new Owner(manager.Id, manager.Name, manager.CrmOwnerIds.HubSpot, manager.CrmOwnerIds.Salesforce);
        lead.Escalated = true;
        lead.AssigneeId = manager?.Id;
        lead.AssigneeName = manager?.Name;
        lead.SlaDeadline = null;
        var reason = $"SLA missed {lead.SlaMisses} times (last by {missed}); escalated to {manager?.Name ?? "no manager (add one to the rep or pool overflow)"}";
        Log(lead, now, LeadActivityKind.Escalated, reason);
        var items = new List<DeliveryRequest>();
        if (lead.CurrentTaskItemId is { } previousTask)
        {
            items.Add(Item(lead, DeliveryKind.CompleteTask, "Lead escalated", null) with { TaskItemId = previousTask });
            lead.CurrentTaskItemId = null;
        }

        if (owner is not null)
        {
            var task = Item(lead, DeliveryKind.CreateTask, reason, owner) with { DueAt = now + _slas.For(lead.Tier), HighPriority = true };
            lead.CurrentTaskItemId = task.ItemId;
            items.Add(task);
        }

        items.Add(Item(lead, DeliveryKind.Alert, reason, owner) with { AlertKind = LeadAlertKind.Escalated });
        await EnqueueAsync(lead, items);
    }

    /// <summary>Points the reminder at the lead's next deadline, or removes it when nothing is due.</summary>
    private async Task ArmReminderAsync(Lead? lead)
    {
        DateTimeOffset? next = null;
        if (lead is not null && lead.Status.IsOpen())
        {
            next = lead.OpenedAt + _options.ExpireAfter;
            if (lead.Status == LeadStatus.Assigned && !lead.Escalated && lead.SlaDeadline is { } deadline && deadline < next)
            {
                next = deadline;
            }

            if (lead.Status == LeadStatus.Open && lead.RetryAssignmentAt is { } retry && retry < next)
            {
                next = retry;
            }
        }

        var target = next ?? DateTimeOffset.MaxValue;
        if (_armedFor == target)
        {
            // Already due then: a reminder whose deadline passed with nothing to do keeps ticking every SlaCheckPeriod.
            return;
        }

        // Forgotten until the table confirms: a call that fails after its write landed leaves the table unknown.
        _armedFor = null;
        if (next is { } due)
        {
            var wait = due - _time.GetUtcNow();
            await this.RegisterOrUpdateReminder(DeadlineReminder, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, _options.SlaCheckPeriod);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _armedFor = target;
    }
}
