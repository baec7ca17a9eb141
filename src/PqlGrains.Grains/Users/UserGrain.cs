using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Scores;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Accounts;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Qualification;
using PqlGrains.Grains.Scoring;
using PqlGrains.Grains.Storage;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Users;

/// <summary>
/// One user's decayed scoring state and traits. Events arrive from ingest partitions, each
/// stamped with its partition sequence: anything at or below the applied sequence is skipped,
/// and the scoring engine also drops repeated messageIds, so re-delivery changes nothing.
/// Score changes and the events themselves reach the user's account in coalesced reports.
/// </summary>
internal sealed partial class UserGrain : Grain, IUserGrain
{
    private readonly IPersistentState<UserCheckpoint> _state;
    private readonly IEventLog _log;
    private readonly IScoringModel _model;
    private readonly TierChangePublisher _tierChanges;
    private readonly IngestOptions _ingest;
    private readonly UserGrainOptions _options;
    private readonly ILogger<UserGrain> _logger;
    private readonly TimeProvider _time;
    private readonly StringKeyedGrains<IAccountGrain> _accounts;
    private readonly UserSettleSchedule _settleSchedule;

    private IUserScoreState _score = null!;
    private int _partition;
    private int _unsaved;
    private long _savedAt;
    private bool _unsettled;
    private bool _appliedSinceSettle;
    private bool _deactivating;
    private SettleTicket? _settle;
    private List<LoggedEvent>? _accountOutbox;

    public UserGrain(
        IEventLog log,
        IScoringModel model,
        TierChangePublisher tierChanges,
        IOptions<IngestOptions> ingest,
        IOptions<UserGrainOptions> options,
        ILogger<UserGrain> logger,
        TimeProvider time,
        StringKeyedGrains<IAccountGrain> accounts,
        UserSettleSchedule settleSchedule)
    {
        // Not the [PersistentState] facet: its lifecycle subscription costs every active user ~400 bytes.
        _state = LeanPersistentState<UserCheckpoint>.Create(GrainContext, "user", PqlStorageNames.Grains);
        _log = log;
        _model = model;
        _tierChanges = tierChanges;
        _ingest = ingest.Value;
        _options = options.Value;
        _logger = logger;
        _time = time;
        _accounts = accounts;
        _settleSchedule = settleSchedule;
    }

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _state.ReadStateAsync(cancellationToken);
        _partition = PartitionMap.PartitionOf(UserId, _ingest.Partitions);
        _savedAt = _time.GetTimestamp();
        var checkpoint = _state.State;
        var restored = false;
        if (checkpoint.Partition == _partition && checkpoint.DefinitionVersion == _model.DefinitionVersion && checkpoint.ScoreState is { } saved)
        {
            try
            {
                _score = _model.RestoreUserState(saved);
                _score.Crossings.Restore(checkpoint.CrossingTier, checkpoint.TierCrossedAt);
                restored = true;
                checkpoint.ScoreState = null;
                checkpoint.TierCrossedAt = null;
            }
            catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or EndOfStreamException)
            {
                // The log holds every event: a checkpoint this build cannot read is rebuilt, not fatal.
                LogUnreadableCheckpoint(exception, UserId);
                ResetToEmpty();
            }
        }
        else
        {
            ResetToEmpty();
        }

        if (restored || !_state.RecordExists)
        {
            // Shadows in step with the active state before catching up: the events past the checkpoint are live for them too.
            await AlignShadowsAsync(restoreSaved: true, cancellationToken);
        }

        await CatchUpFromLogAsync(cancellationToken);
        await AlignShadowsAsync(restoreSaved: false, cancellationToken);

        // Re-report after a restart: the account may have lost the last settle window.
        _unsettled |= _state.State.AccountId is not null || _state.State.ReportedAccountId is not null;
        ScheduleSettle(_options.SettleDelay);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        _settle?.Cancel();
        if (_unsettled)
        {
            await SettleAsync(cancellationToken);
        }

        if (_unsaved > 0)
        {
            await SaveAsync(cancellationToken);
        }
    }

    public async Task Apply(UserEventBatch batch)
    {
        if (_score.DefinitionVersion != _model.DefinitionVersion)
        {
            // The batch is already in the log: the rebuild replays it.
            await RebuildUnderActiveDefinitionAsync();
            return;
        }

        await AlignShadowsAsync(restoreSaved: false, CancellationToken.None);

        if (batch.Partition != _partition)
        {
            // Partition count changed under a kept log: sequences are not comparable, so only the
            // engine's messageId dedupe protects against repeats.
            LogForeignPartition(UserId, batch.Partition, _partition);
            await ApplyAsync(batch.Events, compareSequences: false);
            await SettleIfTierRoseAsync();
            return;
        }

        await ApplyAsync(batch.Events, compareSequences: true);
        await SettleIfTierRoseAsync();
    }

    public async Task<UserView?> GetView()
    {
        if (_score.DefinitionVersion != _model.DefinitionVersion)
        {
            await RebuildUnderActiveDefinitionAsync();
        }
        else
        {
            await AlignShadowsAsync(restoreSaved: false, CancellationToken.None);
        }

        var checkpoint = _state.State;
        if (checkpoint.EventsApplied == 0)
        {
            DeactivateOnIdle();
            return null;
        }

        var now = _time.GetUtcNow();
        var summary = _score.Evaluate(now);
        checkpoint.Recent.RecordScore(now, summary.Score);
        return new UserView(UserId, checkpoint.AccountId, summary, checkpoint.LastEventAt, checkpoint.Traits, checkpoint.EventsApplied, _score.Crossings.Tier?.Name, new(_score.Crossings.CrossedAtByTier()));
    }

    public Task<UserBriefFacts?> GetBriefFacts() =>
        Task.FromResult(_state.State.EventsApplied == 0 ? null : _state.State.Recent.Facts(_time.GetUtcNow()));

    private void ResetToEmpty()
    {
        var previous = _state.State;

        // The version comes from the state itself: the active definition may change between two reads of the model.
        _score = _model.CreateUserState();
        var erasedThrough = previous.Partition == _partition ? previous.ErasedThroughSequence : 0;
        _state.State = new UserCheckpoint
        {
            Partition = _partition,
            DefinitionVersion = _score.DefinitionVersion,
            PublishedTier = previous.PublishedTier,
            ReportedAccountId = previous.ReportedAccountId,
            Recent = previous.Recent,
            AppliedSequence = erasedThrough,
            AccountSavedSequence = erasedThrough,
            ErasedThroughSequence = erasedThrough,
        };
        _shadows.Forget(previous.Shadows);
        _accountOutbox = null;
    }

    private async Task RebuildUnderActiveDefinitionAsync()
    {
        LogRebuilding(UserId, _score.DefinitionVersion, _model.DefinitionVersion);
        ResetToEmpty();
        await CatchUpFromLogAsync(CancellationToken.None);
        await AlignShadowsAsync(restoreSaved: false, CancellationToken.None);
    }

    /// <summary>Applies what the log holds past the checkpoint, and queues for the account what it has not saved.</summary>
    private async Task CatchUpFromLogAsync(CancellationToken cancellationToken)
    {
        var checkpoint = _state.State;
        var from = checkpoint.AccountId is null ? checkpoint.AppliedSequence : Math.Min(checkpoint.AppliedSequence, checkpoint.AccountSavedSequence);
        var missed = await _log.ReadUserAsync(_partition, UserId, from, cancellationToken);
        foreach (var logged in missed)
        {
            if (logged.Sequence <= checkpoint.AppliedSequence)
            {
                QueueForAccount(logged);
            }
        }

        if (missed.Count > 0)
        {
            await ApplyAsync(missed, compareSequences: true);
        }
    }

    private async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, bool compareSequences)
    {
        var checkpoint = _state.State;
        var applied = 0;
        Dictionary<string, (AccountTraits Traits, DateTimeOffset At)>? groupTraits = null;

        // Indexed: foreach over the interface allocated an enumerator per Apply call.
        for (var i = 0; i < events.Count; i++)
        {
            var logged = events[i];
            if (compareSequences)
            {
                if (logged.Sequence <= checkpoint.AppliedSequence)
                {
                    continue;
                }

                checkpoint.AppliedSequence = logged.Sequence;
            }

            if (ApplyOne(logged.Event, ref groupTraits))
            {
                applied++;
                if (compareSequences)
                {
                    QueueForAccount(logged);
                }
            }
        }

        if (checkpoint.AccountId is null)
        {
            checkpoint.AccountSavedSequence = checkpoint.AppliedSequence;
        }

        if (applied == 0)
        {
            return;
        }

        _unsaved += applied;
        if (groupTraits is not null)
        {
            foreach (var (accountId, (traits, at)) in groupTraits)
            {
                await _accounts[accountId].UpdateTraits(traits, at);
            }
        }

        await AfterChangeAsync();
    }

    private bool ApplyOne(ScoringEvent scoringEvent, ref Dictionary<string, (AccountTraits Traits, DateTimeOffset At)>? groupTraits)
    {
        ScoredEvent scored;
        try
        {
            scored = _score.ApplyScored(scoringEvent);
        }
        catch (Exception exception)
        {
            // One malformed event must not stall the partition behind it; the log keeps it for a fix and replay.
            LogScoringFailed(exception, UserId, scoringEvent.MessageId);
            return false;
        }

        if (!scored.IsNew)
        {
            return false;
        }

        NoteTierRise(scored);
        _shadows.Apply(scoringEvent);

        var checkpoint = _state.State;
        var at = scoringEvent.Timestamp;
        checkpoint.EventsApplied++;
        checkpoint.Recent.Observe(scoringEvent);
        if (checkpoint.LastEventAt is not { } last || at > last)
        {
            checkpoint.LastEventAt = at;
        }

        if (scoringEvent.Type == EventType.Identify)
        {
            var newer = checkpoint.TraitsAt is not { } traitsAt || at >= traitsAt;
            checkpoint.Traits = UserTraitsReader.Merge(checkpoint.Traits, UserTraitsReader.Read(scoringEvent.Properties), newer);
            if (newer)
            {
                checkpoint.TraitsAt = at;
            }
        }

        if (UserTraitsReader.AccountOf(scoringEvent) is { } accountId)
        {
            if (checkpoint.AccountAt is not { } accountAt || at >= accountAt)
            {
                checkpoint.AccountId = accountId;
                checkpoint.AccountAt = at;
            }

            if (scoringEvent.Type == EventType.Group)
            {
                groupTraits ??= new(StringComparer.Ordinal);
                if (!groupTraits.TryGetValue(accountId, out var seen) || at >= seen.At)
                {
                    groupTraits[accountId] = (AccountTraitsReader.Read(scoringEvent.Properties), at);
                }
            }
        }

        return true;
    }

    private void QueueForAccount(LoggedEvent logged)
    {
        if (_state.State.AccountId is null || logged.Sequence <= _state.State.AccountSavedSequence)
        {
            return;
        }

        _accountOutbox ??= [];
        if (_accountOutbox.Count >= _options.MaxAccountOutbox)
        {
            // Still above AccountSavedSequence, so the next activation re-reads it from the log.
            _accountOutbox.RemoveAt(0);
        }

        _accountOutbox.Add(logged);
    }

    /// <summary>
    /// Evaluation, the tier check and the account report wait for the settle timer: a burst of
    /// events costs one evaluation, not one per event.
    /// </summary>
    private async Task AfterChangeAsync()
    {
        _unsettled = true;
        _appliedSinceSettle = true;
        ScheduleSettle(_options.SettleDelay);
        if (_unsaved >= _options.CheckpointEveryEvents || _time.GetElapsedTime(_savedAt) >= _options.CheckpointInterval)
        {
            await SaveAsync(CancellationToken.None);
        }
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        // A settle that runs before its ticket is due (a tier rise, deactivation) makes the pending call stale.
        var ticket = _settle;
        _settle = null;
        try
        {
            if (!_unsettled)
            {
                return;
            }

            _unsettled = false;
            _tierRose = false;
            var applied = _appliedSinceSettle;
            _appliedSinceSettle = false;
            var now = _time.GetUtcNow();

            // The full evaluation (breakdown, explanations) only when there is a tier change to publish.
            var current = _score.ScoreAndTierAt(now);
            _state.State.Recent.RecordScore(now, current.Score);
            if (current.Tier != _state.State.PublishedTier)
            {
                await PublishTierChangeAsync(_score.Evaluate(now), now);
            }

            await RecordShadowCrossingsAsync(now);
            await ReportToAccountAsync(current, now, cancellationToken);
            if (applied)
            {
                ScheduleIdleCheck();
            }
            else
            {
                PackIfIdle();
            }
        }
        finally
        {
            ticket?.Cancel();
        }
    }

    private async Task PublishTierChangeAsync(ScoreSummary summary, DateTimeOffset now)
    {
        var checkpoint = _state.State;
        var change = new TierChanged(SubjectKind.User, UserId, checkpoint.PublishedTier, summary.Tier, summary.Score, summary.DefinitionVersion, CrossedAt(summary.Tier, now), summary.RouteImmediately, checkpoint.AccountId, now);
        if (await _tierChanges.PublishAsync(change, CancellationToken.None))
        {
            checkpoint.PublishedTier = summary.Tier;

            // A delivered tier change is saved at once so a crash does not publish it twice.
            await SaveAsync(CancellationToken.None);
        }
    }

    private void ScheduleSettle(TimeSpan delay)
    {
        if (!_unsettled || _settle is not null)
        {
            return;
        }

        _settle = _settleSchedule.Schedule(UserId, delay);
    }

    /// <summary>
    /// Packing the scoring state right after a settle cost a snapshot encode and decode per user per window under
    /// steady traffic, since the next event unpacked it again. The next window tells: a settle call that finds no new
    /// event packs the state (<see cref="Settle"/>); one that finds events settles them as the window's own call.
    /// </summary>
    private void ScheduleIdleCheck()
    {
        // A deactivating grain packs nothing more, and a call to it would only bring it back.
        if (!_deactivating)
        {
            _settle ??= _settleSchedule.Schedule(UserId, _options.SettleDelay);
        }
    }

    /// <summary>
    /// Packs the scoring state of a user found idle for a whole window: by the idle check's settle call, or by a settle
    /// with no event since the previous one (the account's save confirmation, a report retry, the re-report after
    /// activation), which knows it already and saves the user one more settle call to find out.
    /// </summary>
    private void PackIfIdle()
    {
        if (_settle is null && !_deactivating)
        {
            _score.Compact();
        }
    }

    private async Task ReportToAccountAsync(ScoreAndTier current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checkpoint = _state.State;
        var accountId = checkpoint.AccountId;
        try
        {
            if (checkpoint.ReportedAccountId is { } previous && previous != accountId)
            {
                await _accounts[previous].RemoveMember(UserId);
                checkpoint.ReportedAccountId = null;
            }

            if (accountId is not null)
            {
                var events = _accountOutbox is { Count: > 0 } outbox ? outbox.ToArray() : [];
                var report = new AccountMemberReport(UserId, current.Score, current.Tier, now, checkpoint.LastEventAt, checkpoint.Traits.Email, _partition, events, _shadows.Scores(now));
                var saved = await _accounts[accountId].ReportMember(report);
                checkpoint.ReportedAccountId = accountId;
                ForgetSavedByAccount(saved);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogAccountReportFailed(exception, UserId, accountId);
            _unsettled = true;
            ScheduleSettle(_options.AccountConfirmDelay);
        }
    }

    private void ForgetSavedByAccount(long saved)
    {
        var checkpoint = _state.State;
        if (saved > checkpoint.AccountSavedSequence)
        {
            checkpoint.AccountSavedSequence = Math.Min(saved, checkpoint.AppliedSequence);
        }

        _accountOutbox?.RemoveAll(logged => logged.Sequence <= checkpoint.AccountSavedSequence);
        if (_accountOutbox is { Count: > 0 })
        {
            // Ask again once the account has had time to save what it just received.
            _unsettled = true;
            ScheduleSettle(_options.AccountConfirmDelay);
        }
        else
        {
            _accountOutbox = null;
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var checkpoint = _state.State;
        checkpoint.ScoreState = _score.Save();
        checkpoint.DefinitionVersion = _score.DefinitionVersion;
        checkpoint.Shadows = _shadows.Save();
        checkpoint.Partition = _partition;
        SaveCrossings(checkpoint);
        await _state.WriteStateAsync(cancellationToken);

        // _score is the live state; the encoded copy exists for storage, so it is not kept resident.
        checkpoint.ScoreState = null;
        checkpoint.TierCrossedAt = null;
        _unsaved = 0;
        _savedAt = _time.GetTimestamp();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} got events from partition {Partition} but hashes to {Expected}; was Pql:Ingest:Partitions changed? Applying with messageId dedupe only")]
    private partial void LogForeignPartition(string userId, int partition, int expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} rebuilds its score from the event log: state was scored under definition {Saved}, active is {Active}")]
    private partial void LogRebuilding(string userId, string? saved, string active);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} could not restore its saved scoring state; rebuilding it from the event log")]
    private partial void LogUnreadableCheckpoint(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring failed for user {UserId} on message {MessageId}; the event is skipped and stays in the log")]
    private partial void LogScoringFailed(Exception exception, string userId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} could not report to account {AccountId}; retrying")]
    private partial void LogAccountReportFailed(Exception exception, string userId, string? accountId);
}
