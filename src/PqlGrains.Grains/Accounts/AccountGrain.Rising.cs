using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Accounts;

/// <summary>
/// The settle window coalesces reports that change nothing observers care about. A report that lifts the roll-up
/// into a higher tier than the published one (or brings a route-immediately signal) settles in its own turn, so a
/// rising account reaches the lead path without waiting out <c>Pql:Accounts:SettleDelay</c>.
/// </summary>
internal sealed partial class AccountGrain
{
    private async Task<long> SettleIfRisingAsync(string userId)
    {
        var now = _time.GetUtcNow();
        var published = _state.State.PublishedTier;

        // Most reports leave the tier where it was published: the cheap score settles that without a full evaluation.
        if (_score.ScoreAndTierAt(now).Tier != published)
        {
            var summary = _score.Evaluate(now);
            if (summary.RouteImmediately || _model.Tiers.RankOf(summary.Tier) > _model.Tiers.RankOf(published))
            {
                await SettleAsync(CancellationToken.None);
            }
        }

        return _savedSequences.GetValueOrDefault(userId);
    }
}
