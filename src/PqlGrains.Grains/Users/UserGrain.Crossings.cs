using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Users;

/// <summary>
/// Event-time tier crossings: every applied event runs the tier-crossing rule the backtest replays with
/// (<see cref="PqlGrains.Scoring.Evaluation.TierCrossings"/>), so crossings carry the time of the event that made
/// them, not the time a settle noticed them. A rise above the published tier, or a route-immediately signal,
/// settles at once instead of waiting for the settle window: the window coalesces everything else.
/// </summary>
internal sealed partial class UserGrain
{
    private bool _tierRose;

    private void NoteTierRise(ScoredEvent scored)
    {
        if (scored.RouteImmediately || (scored.Rise is { } rise && rise.ToRank > _score.Crossings.Tiers.RankOf(_state.State.PublishedTier)))
        {
            _tierRose = true;
        }
    }

    /// <summary>Called after a live batch was applied: publishes a rise now rather than when the settle timer fires.</summary>
    private async Task SettleIfTierRoseAsync()
    {
        if (_tierRose && _unsettled)
        {
            await SettleAsync(CancellationToken.None);
        }
    }

    /// <summary>When the user crossed into <paramref name="tier"/>: the event time of a rise the rule saw, else the time it was noticed.</summary>
    private DateTimeOffset CrossedAt(string? tier, DateTimeOffset now)
    {
        var crossings = _score.Crossings;
        return crossings.Tiers.RankOf(tier) > crossings.Tiers.RankOf(_state.State.PublishedTier) && crossings.CrossedAt(tier!) is { } at ? at : now;
    }

    private void SaveCrossings(UserCheckpoint checkpoint)
    {
        checkpoint.CrossingTier = _score.Crossings.Tier?.Name;
        var crossedAt = _score.Crossings.CrossedAtByTier();
        checkpoint.TierCrossedAt = crossedAt.Count == 0 ? null : new Dictionary<string, DateTimeOffset>(crossedAt);
    }
}
