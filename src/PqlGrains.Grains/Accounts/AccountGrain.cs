using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Qualification;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Accounts;

/// <summary>
/// One account: account-level signals fed with its members' events, plus its members' latest
/// scores, rolled up under the active definition. Reports are coalesced: the tier check and
/// the save run once per settle window, and each report answers how far the member's events
/// are saved so members resend anything a crash lost.
/// </summary>
internal sealed partial class AccountGrain : Grain, IAccountGrain
{
    private readonly IPersistentState<AccountCheckpoint> _state;
    private readonly IScoringModel _model;
    private readonly TierChangePublisher _tierChanges;
    private readonly AccountGrainOptions _options;
    private readonly ILogger<AccountGrain> _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _savedSequences = new(StringComparer.Ordinal);

    private IAccountScoreState _score = null!;
    private IGrainTimer? _settle;
    private bool _dirty;

    public AccountGrain(
        [PersistentState("account", PqlStorageNames.Grains)] IPersistentState<AccountCheckpoint> state,
        IScoringModel model,
        TierChangePublisher tierChanges,
        IOptions<AccountGrainOptions> options,
        ILogger<AccountGrain> logger,
        TimeProvider time)
    {
        _state = state;
        _model = model;
        _tierChanges = tierChanges;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    private string AccountId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LoadScoreState();
        foreach (var (userId, member) in _state.State.Members)
        {
            _savedSequences[userId] = member.AppliedSequence;
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await SettleAsync(cancellationToken);
        }
    }

    public Task<long> ReportMember(AccountMemberReport report)
    {
        EnsureActiveDefinition();
        var members = _state.State.Members;
        if (!members.TryGetValue(report.UserId, out var member) || member.Partition != report.Partition)
        {
            member = new AccountMember { Partition = report.Partition };
            members[report.UserId] = member;
            _savedSequences.Remove(report.UserId);
        }

        ReportToShadows(report, member);
        var rose = false;
        foreach (var logged in report.Events)
        {
            if (logged.Sequence <= member.AppliedSequence)
            {
                continue;
            }

            member.AppliedSequence = logged.Sequence;
            try
            {
                rose |= _score.Apply(logged.Event);
            }
            catch (Exception exception)
            {
                LogScoringFailed(exception, AccountId, logged.Event.MessageId);
            }
        }

        if (report.EvaluatedAt >= member.EvaluatedAt)
        {
            rose |= report.Score > member.Score;
            member.Score = report.Score;
            member.Tier = report.Tier;
            member.EvaluatedAt = report.EvaluatedAt;
            member.LastEventAt = report.LastEventAt;
            member.Email = report.Email;
            _score.ReportMember(report.UserId, report.Score, report.EvaluatedAt);
        }

        MarkChanged();
        return rose ? SettleIfRisingAsync(report.UserId) : Task.FromResult(_savedSequences.GetValueOrDefault(report.UserId));
    }

    public Task RemoveMember(string userId)
    {
        EnsureActiveDefinition();
        if (_state.State.Members.Remove(userId))
        {
            _savedSequences.Remove(userId);
            _score.RemoveMember(userId, _time.GetUtcNow());
            RemoveFromShadows(userId);
            MarkChanged();
        }

        return Task.CompletedTask;
    }

    public Task UpdateTraits(AccountTraits traits, DateTimeOffset at)
    {
        var checkpoint = _state.State;
        var newer = checkpoint.TraitsAt is not { } traitsAt || at >= traitsAt;
        checkpoint.Traits = AccountTraitsReader.Merge(checkpoint.Traits, traits, newer);
        if (newer)
        {
            checkpoint.TraitsAt = at;
        }

        MarkChanged();
        return Task.CompletedTask;
    }

    public Task<AccountView?> GetView()
    {
        var checkpoint = _state.State;
        if (!checkpoint.Known)
        {
            DeactivateOnIdle();
            return Task.FromResult<AccountView?>(null);
        }

        EnsureActiveDefinition();
        var now = _time.GetUtcNow();
        var activeSince = now - _options.ActiveWindow;
        DateTimeOffset? lastEventAt = null;
        var active = 0;
        var users = checkpoint.Members
            .OrderByDescending(pair => pair.Value.Score)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new AccountMemberView(pair.Key, pair.Value.Score, pair.Value.Tier, pair.Value.LastEventAt, pair.Value.Email))
            .ToArray();
        foreach (var member in checkpoint.Members.Values)
        {
            if (member.LastEventAt is { } at)
            {
                lastEventAt = lastEventAt is { } seen && seen > at ? seen : at;
                active += at >= activeSince ? 1 : 0;
            }
        }

        var summary = _score.Evaluate(now);
        checkpoint.History.Record(now, summary.Score);
        var view = new AccountView(AccountId, summary, lastEventAt, checkpoint.Traits, users, active, checkpoint.History.DayBefore(now));
        return Task.FromResult<AccountView?>(view);
    }

    private void LoadScoreState()
    {
        var checkpoint = _state.State;
        if (checkpoint.DefinitionVersion == _model.DefinitionVersion && checkpoint.ScoreState is { } saved)
        {
            try
            {
                _score = _model.RestoreAccountState(saved);

                // The live state is the copy that counts; the encoded one exists for storage only.
                checkpoint.ScoreState = null;
                return;
            }
            catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or EndOfStreamException)
            {
                LogUnreadableCheckpoint(exception, AccountId);
            }
        }

        if (checkpoint.DefinitionVersion is { } previous && previous != _model.DefinitionVersion)
        {
            // Account-level signals cannot be replayed here (the log is keyed by user); they restart,
            // and member scores count as last reported until each member reports under the new version.
            LogDefinitionChanged(AccountId, previous, _model.DefinitionVersion);
        }

        _score = _model.CreateAccountState();
        foreach (var (userId, member) in checkpoint.Members)
        {
            _score.ReportMember(userId, member.Score, member.EvaluatedAt);
        }

        // The state's own version: the active definition may change between two reads of the model.
        checkpoint.DefinitionVersion = _score.DefinitionVersion;
        checkpoint.ScoreState = null;
    }

    private void EnsureActiveDefinition()
    {
        if (_score.DefinitionVersion != _model.DefinitionVersion)
        {
            LoadScoreState();
        }
    }

    private void MarkChanged()
    {
        _state.State.Known = true;
        _dirty = true;
        // The callback disposes its own one-shot timer first, which cancels the token Orleans hands
        // it: passing that token on made every timed save fail (only deactivation may cancel).
        _settle ??= this.RegisterGrainTimer(
            static (grain, _) => grain.SettleAsync(CancellationToken.None),
            this,
            new GrainTimerCreationOptions(_options.SettleDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        // Disposing a grain timer cancels the token of its running callback, so the one-shot
        // timer is disposed only after the work it started is done.
        var timer = _settle;
        _settle = null;
        try
        {
            _dirty = false;
            var checkpoint = _state.State;
            var now = _time.GetUtcNow();

            // The full evaluation (breakdown, member list) only when there is a tier change to publish.
            var current = _score.ScoreAndTierAt(now);
            checkpoint.History.Record(now, current.Score);
            if (current.Tier != checkpoint.PublishedTier)
            {
                var summary = _score.Evaluate(now);
                var change = new TierChanged(SubjectKind.Account, AccountId, checkpoint.PublishedTier, summary.Tier, summary.Score, summary.DefinitionVersion, now, summary.RouteImmediately, AccountId);
                if (await _tierChanges.PublishAsync(change, cancellationToken))
                {
                    checkpoint.PublishedTier = summary.Tier;
                }
            }

            await SettleShadowsAsync(checkpoint, now);
            var saved = checkpoint.ScoreState = _score.Save();
            var saving = checkpoint.Members.Select(pair => (pair.Key, pair.Value.AppliedSequence)).ToArray();
            try
            {
                await _state.WriteStateAsync(cancellationToken);
                foreach (var (userId, sequence) in saving)
                {
                    _savedSequences[userId] = sequence;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogSaveFailed(exception, AccountId);
                MarkChanged();
            }

            // Written (or to be rewritten by the retry): the next save encodes the live state again.
            checkpoint.ScoreState = null;

            // Settled accounts mostly wait for their members' next burst: keep the saved bytes meanwhile.
            _score.CompactAs(saved);
        }
        finally
        {
            timer?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not save its roll-up; retrying after the settle delay")]
    private partial void LogSaveFailed(Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Account {AccountId}: scoring failed on message {MessageId}; the event is skipped for account signals")]
    private partial void LogScoringFailed(Exception exception, string accountId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not restore its saved scoring state; account signals restart from member reports")]
    private partial void LogUnreadableCheckpoint(Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} was scored under definition {Previous}; account signals restart under {Active}")]
    private partial void LogDefinitionChanged(string accountId, string previous, string active);
}
