using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Grains.Delivery;

/// <summary>
/// Durable outbox for one lead subject. Every item is stored before it is tried and after every attempt, so a silo
/// restart loses nothing and a delivered task is never created again (the CRM's id is remembered per connector).
/// Short waits use a grain timer; a reminder is the durable wake-up while anything is pending. An outbox with nothing
/// pending deactivates.
/// </summary>
public sealed partial class LeadOutboxGrain(
    [PersistentState("outbox", PqlStorageNames.Grains)] IPersistentState<OutboxState> state,
    DeliveryDispatcher dispatcher,
    DeliveryMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<LeadOutboxGrain> logger) : Grain, ILeadOutboxGrain, IRemindable
{
    private const string WakeUpReminder = "outbox-wake-up";
    private static readonly TimeSpan DependencyWait = TimeSpan.FromMilliseconds(500);
    private readonly OutboxOptions _options = options.Value;
    private IGrainTimer? _timer;
    private bool _reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending.Count > 0)
        {
            await ScheduleAsync();
        }
    }

    public async Task Enqueue(DeliveryRequest[] items)
    {
        var now = time.GetUtcNow();
        var added = new List<OutboxEntry>();
        foreach (var item in items)
        {
            // A lead grain that crashed before saving re-enqueues the same ids: those are already here or done.
            if (state.State.Pending.Any(entry => entry.Request.ItemId == item.ItemId) || state.State.Finished.Any(done => done.ItemId == item.ItemId))
            {
                continue;
            }

            var entry = new OutboxEntry { Request = item, NextAttemptAt = now };
            state.State.Pending.Add(entry);
            added.Add(entry);
        }

        if (added.Count == 0)
        {
            return;
        }

        try
        {
            // The wake-up reminder is registered while the items are written, not after: the lead moves on only once
            // both hold, and neither needs the other (a reminder that finds nothing pending removes itself).
            await Task.WhenAll(state.WriteStateAsync(), EnsureWakeUpAsync());
        }
        catch
        {
            // Not stored, so not kept: left pending, they would be tried before they are stored, and the lead grain's
            // retry would find them "already here" and move on with nothing stored. The retry adds them again.
            state.State.Pending.RemoveAll(added.Contains);
            throw;
        }

        ScheduleTimer();
    }

    public Task<int> PendingCount() => Task.FromResult(state.State.Pending.Count);

    public Task ReceiveReminder(string reminderName, TickStatus status) => DeliverDueAsync(CancellationToken.None);

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var entry in state.State.Pending.Where(entry => entry.NextAttemptAt <= now).ToList())
        {
            await AttemptAsync(entry, cancellationToken);
        }

        await ScheduleAsync();
    }

    private async Task AttemptAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var request = entry.Request;
        var now = time.GetUtcNow();
        entry.FirstAttemptAt ??= now;
        TimeSpan? retryAfter = null;
        var waiting = false;
        var reports = new List<LeadDelivery>();
        // Each CRM gets its request at once: a second CRM does not wait for the first one's answer.
        var connectors = dispatcher.Targets(request.Kind).Where(name => !entry.Delivered.ContainsKey(name) && !entry.DeadLettered.ContainsKey(name)).ToList();
        var results = await Task.WhenAll(connectors.Select(connector => SendAsync(request, connector, cancellationToken)));
        for (var index = 0; index < connectors.Count; index++)
        {
            var (connector, result) = (connectors[index], results[index]);
            if (result is null)
            {
                waiting = true;
                continue;
            }

            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered:
                    entry.Delivered[connector] = result.ExternalId ?? string.Empty;
                    metrics.Delivered(request.Kind);
                    reports.Add(Report(request, connector, DeliveryState.Delivered, result.ExternalId, null, now));
                    if (request.Kind == DeliveryKind.CreateTask && result.ExternalId is { Length: > 0 } taskId)
                    {
                        await GrainFactory.GetGrain<ICrmTaskIndexGrain>($"{connector}:{taskId}").Link(request.LeadId);
                    }

                    break;
                case DeliveryOutcome.Permanent:
                    entry.DeadLettered[connector] = result.ToString();
                    metrics.DeadLettered(request.Kind);
                    reports.Add(Report(request, connector, DeliveryState.DeadLettered, null, result.ToString(), now));
                    break;
                default:
                    entry.LastError = result.ToString();
                    metrics.Retrying(request.Kind);
                    retryAfter = result.RetryAfter is { } after && after > (retryAfter ?? TimeSpan.Zero) ? after : retryAfter;
                    LogRetry(request.ItemId, request.Kind, connector, entry.Attempts + 1, result.ToString());
                    break;
            }
        }

        var remaining = dispatcher.Targets(request.Kind).Where(name => !entry.Delivered.ContainsKey(name) && !entry.DeadLettered.ContainsKey(name)).ToList();
        if (remaining.Count == 0)
        {
            Finish(entry);
        }
        else if (!waiting || entry.LastError is not null)
        {
            entry.Attempts++;
            if (now - entry.FirstAttemptAt >= _options.DeadLetterAfter)
            {
                foreach (var connector in remaining)
                {
                    var reason = $"gave up after {entry.Attempts} attempts over {now - entry.FirstAttemptAt!.Value:g} (Pql:Outbox:DeadLetterAfter is {_options.DeadLetterAfter}); last error: {entry.LastError ?? "waiting for the task it completes"}";
                    entry.DeadLettered[connector] = reason;
                    metrics.DeadLettered(request.Kind);
                    reports.Add(Report(request, connector, DeliveryState.DeadLettered, null, reason, now));
                }

                Finish(entry);
            }
            else
            {
                entry.NextAttemptAt = now + RetryBackoff.Next(entry.Attempts, _options.InitialBackoff, _options.MaxBackoff, retryAfter, Random.Shared);
            }
        }
        else
        {
            entry.NextAttemptAt = now + DependencyWait;
        }

        // Saved before anyone hears of the result: a crash from here on repeats reports, never deliveries.
        await state.WriteStateAsync(cancellationToken);
        foreach (var report in reports)
        {
            if (report.State == DeliveryState.DeadLettered)
            {
                LogDeadLetter(request.ItemId, request.Kind, report.Connector, report.Reason!);
                await GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key)
                    .RecordDeadLetter(new DeadLetter(request.LeadId, report, entry.Attempts, entry.FirstAttemptAt!.Value));
            }

            await GrainFactory.GetGrain<ILeadGrain>(this.GetPrimaryKeyString()).OnDelivery(report);
        }
    }

    private async Task<DeliveryResult?> SendAsync(DeliveryRequest request, string connector, CancellationToken cancellationToken)
    {
        try
        {
            return await dispatcher.SendAsync(request, connector, name => TaskIdOf(request.TaskItemId, name, out var pending) ?? (pending ? null : string.Empty), cancellationToken);
        }
        catch (Exception exception)
        {
            return DeliveryResult.Retryable(connector, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>The task id a completion needs; pending is true while the task's own item is still in the outbox.</summary>
    private string? TaskIdOf(string? taskItemId, string connector, out bool pending)
    {
        pending = taskItemId is not null && state.State.Pending.Any(entry => entry.Request.ItemId == taskItemId && !entry.Delivered.ContainsKey(connector) && !entry.DeadLettered.ContainsKey(connector));
        if (pending || taskItemId is null)
        {
            return null;
        }

        var delivered = state.State.Pending.FirstOrDefault(entry => entry.Request.ItemId == taskItemId)?.Delivered
            ?? state.State.Finished.FirstOrDefault(done => done.ItemId == taskItemId)?.ExternalIds;
        return delivered is not null && delivered.TryGetValue(connector, out var id) && id.Length > 0 ? id : null;
    }

    private void Finish(OutboxEntry entry)
    {
        state.State.Pending.Remove(entry);
        state.State.Finished.Add(new FinishedItem(entry.Request.ItemId, new Dictionary<string, string>(entry.Delivered, StringComparer.Ordinal)));
        var excess = state.State.Finished.Count - _options.RememberedItems;
        if (excess > 0)
        {
            state.State.Finished.RemoveRange(0, excess);
        }
    }

    private static LeadDelivery Report(DeliveryRequest request, string connector, DeliveryState outcome, string? externalId, string? reason, DateTimeOffset at) =>
        new(request.ItemId, request.Kind, connector, outcome, externalId, reason, at, request.RepId);

    private async Task ScheduleAsync()
    {
        if (state.State.Pending.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            if (_reminderRegistered || await this.GetReminder(WakeUpReminder) is not null)
            {
                if (await this.GetReminder(WakeUpReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                _reminderRegistered = false;
            }

            // Nothing left to wake up for: the finished items are stored, and the next Enqueue reactivates the outbox.
            // Most outboxes empty within seconds, so an idle one would otherwise hold an activation for nothing.
            DeactivateOnIdle();
            return;
        }

        ScheduleTimer();
        await EnsureWakeUpAsync();
    }

    /// <summary>Points the timer at the earliest pending attempt.</summary>
    private void ScheduleTimer()
    {
        var next = state.State.Pending.Min(entry => entry.NextAttemptAt);
        var due = next - time.GetUtcNow();
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(DeliverDueAsync, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The durable wake-up while anything is pending: after a restart the reminder reactivates the outbox.</summary>
    private async Task EnsureWakeUpAsync()
    {
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(WakeUpReminder, _options.WakeUpPeriod, _options.WakeUpPeriod);
            _reminderRegistered = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {ItemId} ({Kind}) to {Connector} failed on attempt {Attempt}, retrying with backoff: {Result}")]
    private partial void LogRetry(string itemId, DeliveryKind kind, string connector, int attempt, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {ItemId} ({Kind}) to {Connector} dead-lettered: {Reason}")]
    private partial void LogDeadLetter(string itemId, DeliveryKind kind, string connector, string reason);
}
