using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Scores;
using PqlGrains.Grains.Qualification;
using PqlGrains.Grains.Users;

namespace PqlGrains.Grains.Accounts;

/// <summary>
/// One account: its members' latest scores rolled up under the active definition, plus the
/// traits group calls set. Member reports are coalesced: the roll-up, tier check and save run
/// once per settle window, not per report.
/// </summary>
internal sealed partial class AccountGrain : Grain, IAccountGrain
{
    private readonly IPersistentState<AccountCheckpoint> _state;
    private readonly IUserScorer _scorer;
    private readonly TierChangePublisher _tierChanges;
    private readonly AccountGrainOptions _options;
    private readonly ILogger<AccountGrain> _logger;
    private readonly TimeProvider _time;

    private IGrainTimer? _settle;
    private bool _dirty;

    public AccountGrain(
        [PersistentState("account", "pql")] IPersistentState<AccountCheckpoint> state,
        IUserScorer scorer,
        TierChangePublisher tierChanges,
        IOptions<AccountGrainOptions> options,
        ILogger<AccountGrain> logger,
        TimeProvider time)
    {
        _state = state;
        _scorer = scorer;
        _tierChanges = tierChanges;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    private string AccountId => this.GetPrimaryKeyString();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await SettleAsync(cancellationToken);
        }
    }

    public Task ReportMember(AccountMemberReport report)
    {
        _state.State.Members[report.UserId] = report;
        MarkChanged();
        return Task.CompletedTask;
    }

    public Task RemoveMember(string userId)
    {
        if (_state.State.Members.Remove(userId))
        {
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

        var now = _time.GetUtcNow();
        var members = checkpoint.Members.Values;
        var activeSince = now - _options.ActiveWindow;
        DateTimeOffset? lastEventAt = null;
        var active = 0;
        var users = new AccountMemberView[members.Count];
        var i = 0;
        foreach (var member in members.OrderByDescending(m => m.Score.Score).ThenBy(m => m.UserId, StringComparer.Ordinal))
        {
            users[i++] = new AccountMemberView(member.UserId, member.Score.Score, member.Score.Tier, member.LastEventAt, member.Email);
            if (member.LastEventAt is { } at)
            {
                lastEventAt = lastEventAt is { } seen && seen > at ? seen : at;
                if (at >= activeSince)
                {
                    active++;
                }
            }
        }

        var view = new AccountView(AccountId, RollUp(now), lastEventAt, checkpoint.Traits, users, active);
        return Task.FromResult<AccountView?>(view);
    }

    private ScoreSummary RollUp(DateTimeOffset now) =>
        _scorer.RollUp(_state.State.Members.Values.Select(member => member.Score).ToArray(), now);

    private void MarkChanged()
    {
        _state.State.Known = true;
        _dirty = true;
        _settle ??= this.RegisterGrainTimer(
            static (grain, cancellationToken) => grain.SettleAsync(cancellationToken),
            this,
            new GrainTimerCreationOptions(_options.SettleDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        _settle?.Dispose();
        _settle = null;
        _dirty = false;
        var checkpoint = _state.State;
        var now = _time.GetUtcNow();
        var summary = RollUp(now);
        if (summary.Tier != checkpoint.PublishedTier)
        {
            var change = new TierChanged(SubjectKind.Account, AccountId, checkpoint.PublishedTier, summary.Tier, summary.Score, summary.DefinitionVersion, now, summary.RouteImmediately, AccountId);
            if (await _tierChanges.PublishAsync(change, cancellationToken))
            {
                checkpoint.PublishedTier = summary.Tier;
            }
        }

        try
        {
            await _state.WriteStateAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogSaveFailed(exception, AccountId);
            MarkChanged();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not save its roll-up; retrying after the settle delay")]
    private partial void LogSaveFailed(Exception exception, string accountId);
}
