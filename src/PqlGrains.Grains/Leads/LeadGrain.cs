using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Routing;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// The leads of one subject: accepts tier changes (deduped, durable), opens at most one lead at a time, logs
/// re-qualification on the open lead instead of alerting again, and records contact, feedback and conversion.
/// Routing, assignment and the SLA live in the other parts of this class.
/// </summary>
/// <remarks>
/// Collected after two idle minutes instead of Orleans' default fifteen: everything is stored before a turn ends, the
/// queue of pending changes keeps the grain active until it is empty (its timer keeps the activation alive) and the SLA
/// reminder reactivates the grain, while an
/// opened lead mostly waits for its rep (hours) with an activation held for nothing.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class LeadGrain : Grain, ILeadGrain, IRemindable
{
    private readonly IPersistentState<LeadState> _state;
    private readonly LeadOptions _options;
    private readonly RoutingSnapshots _routing;
    private readonly LeadContextBuilder _contexts;
    private readonly TierSlas _slas;
    private readonly TimeProvider _time;
    private readonly ILogger<LeadGrain> _logger;
    private readonly LeadMetrics _metrics;
    // Qualify interleaves with the other turns: writes go through this gate so two never race on the etag.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    // The activities of the turn in progress, written to the log as one line once the turn has stored them.
    private readonly List<(string Kind, string Detail)> _turnActivities = [];
    private IGrainTimer? _pendingTimer;
    private int? _routingRevision;

    public LeadGrain(
        [PersistentState("lead", PqlStorageNames.Grains)] IPersistentState<LeadState> state,
        IOptions<LeadOptions> options,
        RoutingSnapshots routing,
        LeadContextBuilder contexts,
        TierSlas slas,
        TimeProvider time,
        LeadMetrics metrics,
        ILogger<LeadGrain> logger)
    {
        _metrics = metrics;
        _state = state;
        _options = options.Value;
        _routing = routing;
        _contexts = contexts;
        _slas = slas;
        _time = time;
        _logger = logger;
    }

    private string Subject => this.GetPrimaryKeyString();

    private LeadState State => _state.State;

    private Lead? OpenLead => State.Leads.Count > 0 && State.Leads[^1].Status.IsOpen() ? State.Leads[^1] : null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Pending.Count > 0)
        {
            SchedulePending(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task Qualify(TierChanged change)
    {
        var key = DedupeKey(change);
        if ((State.LastApplied.TryGetValue(PublisherOf(change), out var last) && last == key)
            || State.Pending.Any(pending => PublisherOf(pending) == PublisherOf(change) && DedupeKey(pending) == key))
        {
            return;
        }

        // Most changes leave the open lead as it is (the other members of a busy account crossing tiers): they are
        // recorded here with one write instead of being queued (a write), applied in a timer turn and saved twice.
        // Only with nothing queued, so changes still apply in order; a turn that closes or re-tiers the lead changes
        // it before its first await, so this turn never judges against a half-done change.
        if (State.Pending.Count == 0 && OpenLead is { } open && RecordIfUnchanged(open, change, _time.GetUtcNow()))
        {
            State.LastApplied[PublisherOf(change)] = key;
            await SaveAsync();
            return;
        }

        State.Pending.Add(change);
        await SaveAsync();
        SchedulePending(TimeSpan.Zero);
    }

    public Task<Lead?> Get(string leadId) => Task.FromResult(State.Leads.FirstOrDefault(lead => lead.LeadId == leadId));

    public Task<Lead?> Current() => Task.FromResult(OpenLead);

    public async Task<LeadCommandResult> RecordContact(string leadId, ContactReport contact)
    {
        var lead = State.Leads.FirstOrDefault(candidate => candidate.LeadId == leadId);
        if (lead is null)
        {
            return new LeadCommandResult(null);
        }

        if (lead.Status == LeadStatus.Contacted)
        {
            return new LeadCommandResult(lead);
        }

        if (!lead.Status.IsOpen())
        {
            return new LeadCommandResult(lead, $"lead {leadId} is already {lead.Status.ToString().ToLowerInvariant()}; contact can only be recorded on an open lead");
        }

        var now = _time.GetUtcNow();
        lead.Status = LeadStatus.Contacted;
        lead.ContactedAt = contact.At;
        lead.ContactSource = contact.Source;
        Log(lead, now, LeadActivityKind.Contacted, $"contact recorded via {contact.Source}{(contact.CrmTaskId is null ? string.Empty : $" (task {contact.CrmTaskId} completed)")}"
            + (lead.SlaDeadline is { } deadline ? (contact.At <= deadline ? " within the SLA" : $" {LeadText.Duration(contact.At - deadline)} after the SLA") : string.Empty));
        await ReleaseAsync(lead);
        await CommitAsync(lead);
        return new LeadCommandResult(lead);
    }

    public async Task<LeadCommandResult> RecordFeedback(string leadId, LeadFeedback feedback)
    {
        var lead = State.Leads.FirstOrDefault(candidate => candidate.LeadId == leadId);
        if (lead is null)
        {
            return new LeadCommandResult(null);
        }

        var now = _time.GetUtcNow();
        lead.Feedback = feedback;
        Log(lead, now, LeadActivityKind.Feedback, $"feedback {LeadText.Feedback(feedback.Kind)}{(string.IsNullOrWhiteSpace(feedback.Note) ? string.Empty : ": " + feedback.Note)}");
        if (lead.Status.IsOpen() && feedback.Kind != LeadFeedbackKind.Good)
        {
            await CloseAsync(lead, LeadStatus.Disqualified, LeadText.Feedback(feedback.Kind), now);
            if (feedback.Kind == LeadFeedbackKind.TooEarly)
            {
                State.CooldownUntil = now + _options.TooEarlyCooldown;
                State.CooldownScore = lead.Score;
            }
        }

        await CommitAsync(lead);
        return new LeadCommandResult(lead);
    }

    public async Task<Conversion> RecordConversion(decimal amount, DateTimeOffset at)
    {
        var now = _time.GetUtcNow();
        var lead = OpenLead ?? (State.Leads.Count > 0 ? State.Leads[^1] : null);
        var conversion = new Conversion(Subject, amount, at, lead?.LeadId);
        if (lead is not null)
        {
            lead.Conversion = conversion;
            Log(lead, now, LeadActivityKind.Converted, $"converted for {amount} at {at:O}");
            if (lead.Status.IsOpen())
            {
                await CloseAsync(lead, LeadStatus.Converted, "converted", now);
            }

            await CommitAsync(lead);
        }

        await GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).RecordConversion(conversion);
        return conversion;
    }

    public async Task LinkCrmRecords(CrmLinks links)
    {
        State.Links = links;
        await SaveAsync();
    }

    public async Task OnDelivery(LeadDelivery delivery)
    {
        var lead = State.Leads.FirstOrDefault(candidate => delivery.ItemId.StartsWith(candidate.LeadId + "/", StringComparison.Ordinal));
        if (lead is null)
        {
            return;
        }

        lead.Deliveries.RemoveAll(known => known.ItemId == delivery.ItemId && known.Connector == delivery.Connector);
        lead.Deliveries.Add(delivery);
        if (delivery.State == DeliveryState.DeadLettered)
        {
            Log(lead, delivery.At, "dead-letter", $"{delivery.Kind} to {delivery.Connector} dead-lettered: {delivery.Reason}");
        }

        await SaveAsync();
        WriteTurnLog(lead);
    }

    private void SchedulePending(TimeSpan due)
    {
        if (_pendingTimer is null)
        {
            // KeepAlive: a change that keeps failing (database, outbox or CRM down) must not let the two-minute collection
            // age deactivate the grain with the change stored but unapplied, since nothing else would wake it.
            _pendingTimer = this.RegisterGrainTimer(ApplyPendingAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _pendingTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        while (State.Pending.Count > 0)
        {
            var change = State.Pending[0];
            try
            {
                await ApplyAsync(change, cancellationToken);
            }
            catch (Exception exception)
            {
                // Keep the change: it is applied again shortly, with the same lead and item ids (and activities).
                _turnActivities.Clear();
                LogApplyFailed(exception, Subject, change.NewTier, _options.PendingRetryDelay);
                SchedulePending(_options.PendingRetryDelay);
                return;
            }

            State.LastApplied[PublisherOf(change)] = DedupeKey(change);
            State.Pending.RemoveAt(0);
            await SaveAsync();
        }
    }

    private async Task ApplyAsync(TierChanged change, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var open = OpenLead;
        if (open is not null && RecordIfUnchanged(open, change, now))
        {
            // Stored by the caller's write, which also marks the change applied.
            return;
        }

        if (change.NewTier is null)
        {
            return;
        }

        if (open is not null)
        {
            await RequalifyAsync(open, change, now, cancellationToken);
            return;
        }

        if (State.CooldownUntil is { } until && now < until && change.Score < State.CooldownScore + _options.CooldownScoreMargin)
        {
            State.SuppressedByCooldown++;
            LogCooldown(Subject, change.NewTier, change.Score, State.CooldownScore + _options.CooldownScoreMargin, until);
            return;
        }

        await OpenAsync(change, now, cancellationToken);
    }

    private async Task OpenAsync(TierChanged change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var configuration = await RoutingAsync();
        var context = await _contexts.BuildAsync(change, configuration.Segmentation, cancellationToken);
        var lead = new Lead
        {
            LeadId = LeadKeys.LeadId(Subject, State.Sequence + 1),
            Subject = Subject,
            Kind = Subject.StartsWith("account:", StringComparison.Ordinal) ? SubjectKind.Account : SubjectKind.User,
            Status = LeadStatus.Open,
            Tier = change.NewTier!,
            Score = change.Score,
            DefinitionVersion = change.DefinitionVersion,
            OpenedAt = now,
            UpdatedAt = now,
            Context = context,
        };
        Log(lead, now, LeadActivityKind.Opened, $"{change.Kind.ToString().ToLowerInvariant()} {change.SubjectId} reached {change.NewTier} (score {LeadText.Number(change.Score)}, definition {change.DefinitionVersion})");
        await RouteAsync(lead, configuration, now);
        // Only now does the lead take its number: a failed routing retries with the same id and item ids.
        State.Sequence++;
        State.Leads.Add(lead);
        TrimHistory();
        await CommitAsync(lead);
        await ArmReminderAsync(lead);
    }

    private async Task RequalifyAsync(Lead lead, TierChanged change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var higherTier = _options.Rank(change.NewTier) > _options.Rank(lead.Tier);
        var configuration = await RoutingAsync();
        var headline = $"Re-qualified: {(higherTier ? $"tier {lead.Tier} -> {change.NewTier}" : $"tier {lead.Tier}")}, score {LeadText.Number(lead.Score)} -> {LeadText.Number(Math.Max(change.Score, lead.Score))}";
        if (higherTier)
        {
            lead.Tier = change.NewTier!;
        }

        lead.Score = Math.Max(change.Score, lead.Score);
        lead.DefinitionVersion = change.DefinitionVersion;
        lead.Context = (await _contexts.BuildAsync(change, configuration.Segmentation, cancellationToken)) with { Tier = lead.Tier, Score = lead.Score, ThresholdCrossedAt = lead.Context?.ThresholdCrossedAt ?? change.At };
        Log(lead, now, LeadActivityKind.Requalified, headline);
        if (lead.AssigneeId is null && lead.Status == LeadStatus.Open)
        {
            // Nurtured, logged or queued leads get a second look: a hotter lead may now go to a rep.
            await RouteAsync(lead, configuration, now);
        }
        else if (State.Links == CrmLinks.None)
        {
            // A CRM note needs a record to sit on; without linked records the activity stays on the lead.
            Log(lead, now, LeadActivityKind.NoteSkipped, "no CRM record linked (PUT /api/crm-links/" + Subject + "); re-qualification kept on the lead only");
        }
        else
        {
            await EnqueueAsync(lead, [Item(lead, DeliveryKind.AddNote, headline, OwnerOf(configuration, lead.AssigneeId))]);
        }

        await CommitAsync(lead);
        await ArmReminderAsync(lead);
    }

    /// <summary>
    /// Records a change that leaves the open lead as it is (a score below every tier, or neither a higher tier nor a
    /// higher score) and returns true; false when the change needs applying. The caller stores the state.
    /// </summary>
    private bool RecordIfUnchanged(Lead open, TierChanged change, DateTimeOffset now)
    {
        if (change.NewTier is null)
        {
            LogUnchanged(open, now, LeadActivityKind.ScoreDrop, $"{change.Kind.ToString().ToLowerInvariant()} {change.SubjectId} fell below every tier (score {LeadText.Number(change.Score)}); the lead stays open");
            return true;
        }

        if (_options.Rank(change.NewTier) > _options.Rank(open.Tier) || change.Score > open.Score)
        {
            return false;
        }

        LogUnchanged(open, now, LeadActivityKind.Signal, $"{change.Kind.ToString().ToLowerInvariant()} {change.SubjectId} at {change.NewTier} (score {LeadText.Number(change.Score)}); no change to the open lead");
        return true;
    }

    private async Task CloseAsync(Lead lead, LeadStatus status, string reason, DateTimeOffset now)
    {
        lead.Status = status;
        lead.ClosedAt = now;
        lead.CloseReason = reason;
        Log(lead, now, LeadActivityKind.Closed, $"closed as {status.ToString().ToLowerInvariant()} ({reason})");
        await ReleaseAsync(lead);
        await ArmReminderAsync(lead);
    }

    private async Task ReleaseAsync(Lead lead)
    {
        if (lead.PoolId is not null)
        {
            await GrainFactory.GetGrain<IPoolGrain>(lead.PoolId).Release(lead.LeadId);
        }
    }

    /// <summary>Saves the state and refreshes the lead's row in the registry.</summary>
    private async Task CommitAsync(Lead lead)
    {
        lead.UpdatedAt = _time.GetUtcNow();
        await SaveAsync();
        WriteTurnLog(lead);
        await GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).Upsert(new LeadSummary(
            lead.LeadId, lead.Status, lead.Tier, lead.Score, lead.AssigneeId, lead.OpenedAt, lead.UpdatedAt, lead.DefinitionVersion, lead.Feedback?.Kind, lead.CloseReason));
    }

    /// <summary>
    /// One log line for the activities a turn stored: opening a lead records five or so (opened, routed, assignment,
    /// outbox items), and a line each went through the console logger's lock hundreds of times a second in a surge.
    /// </summary>
    private void WriteTurnLog(Lead lead)
    {
        if (_turnActivities.Count > 0)
        {
            foreach (var (kind, _) in _turnActivities)
            {
                _metrics.Stored(kind);
            }

            LogActivities(lead.LeadId, string.Join("; ", _turnActivities.Select(activity => $"{activity.Kind}: {activity.Detail}")));
            _turnActivities.Clear();
        }
    }

    private async Task SaveAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await _state.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Records an activity on the lead; it reaches the log with the rest of its turn (<see cref="WriteTurnLog"/>).</summary>
    private void Log(Lead lead, DateTimeOffset at, string kind, string detail)
    {
        Record(lead, at, kind, detail);
        _turnActivities.Add((kind, detail));
    }

    private void Record(Lead lead, DateTimeOffset at, string kind, string detail)
    {
        lead.Activities.Add(new LeadActivity(at, kind, detail));
        if (lead.Activities.Count > _options.ActivityLimit)
        {
            lead.Activities.RemoveAt(0);
        }
    }

    /// <summary>
    /// Records a tier change that leaves the open lead as it is. A run of them keeps only the latest: an active
    /// account's members cross tiers all day, and one entry each would push the lead's real history out of its
    /// bounded log. The listing row does not change, so the registry is not asked to rewrite it.
    /// </summary>
    private void LogUnchanged(Lead lead, DateTimeOffset at, string kind, string detail)
    {
        if (lead.Activities.Count > 0 && lead.Activities[^1].Kind == kind)
        {
            lead.Activities.RemoveAt(lead.Activities.Count - 1);
        }

        // Debug, not Information: under load these arrive by the thousand and the console logger's lock showed in profiles.
        Record(lead, at, kind, detail);
        LogUnchangedActivity(lead.LeadId, kind, detail);
    }

    private void TrimHistory()
    {
        var excess = State.Leads.Count - _options.HistoryLimit;
        if (excess > 0)
        {
            State.Leads.RemoveRange(0, excess);
        }
    }

    private static string PublisherOf(TierChanged change) => $"{change.Kind}:{change.SubjectId}";

    private static string DedupeKey(TierChanged change) => $"{change.NewTier}|{change.DefinitionVersion}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} {Activities}")]
    private partial void LogActivities(string leadId, string activities);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lead {LeadId} {Kind}: {Detail}")]
    private partial void LogUnchangedActivity(string leadId, string kind, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a tier change to {Subject} (tier {Tier}) failed; retrying in {RetryDelay} (Pql:Leads:PendingRetryDelay)")]
    private partial void LogApplyFailed(Exception exception, string subject, string? tier, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subject} reached {Tier} at score {Score} during the too-early cooldown (needs {Needed} before {Until}); no new lead")]
    private partial void LogCooldown(string subject, string? tier, double score, double needed, DateTimeOffset until);
}
