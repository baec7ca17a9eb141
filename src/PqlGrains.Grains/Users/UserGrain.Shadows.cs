using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Definitions;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Users;

/// <summary>
/// Shadow definitions: the user keeps a state under each, fed the same events, and reports the shadows' tier
/// crossings to their ledgers only; they never reach the tier-change observers, so no lead, route or CRM call.
/// </summary>
internal sealed partial class UserGrain
{
    private readonly ShadowScores _shadows = new();

    /// <summary>
    /// Brings the shadow states in line with the active model's shadow versions: keeps live ones, restores saved
    /// ones when <paramref name="restoreSaved"/> (they match the restored active state), and builds the rest from
    /// the log up to the applied sequence.
    /// </summary>
    private async Task AlignShadowsAsync(bool restoreSaved, CancellationToken cancellationToken)
    {
        var models = _model.Shadows;
        if (_shadows.Matches(models))
        {
            return;
        }

        var missing = _shadows.Align(models, restoreSaved ? _state.State.Shadows : null);
        if (missing.Count > 0)
        {
            await BuildShadowsAsync(missing, cancellationToken);
        }
    }

    /// <summary>Builds the shadows <see cref="AlignShadowsAsync"/> found missing from the log up to the applied sequence.</summary>
    /// <remarks>
    /// A method of its own because its lambda captures the checkpoint: inside AlignShadowsAsync the compiler allocated
    /// that closure on entry, i.e. on every Apply call, with or without shadows.
    /// </remarks>
    private async Task BuildShadowsAsync(IReadOnlyList<IScoringModel> missing, CancellationToken cancellationToken)
    {
        var checkpoint = _state.State;
        IReadOnlyList<LoggedEvent> history = checkpoint.AppliedSequence == 0 ? [] : await _log.ReadUserAsync(_partition, UserId, 0, cancellationToken);
        var now = _time.GetUtcNow();
        foreach (var model in missing)
        {
            _shadows.Build(model, history.Where(logged => logged.Sequence <= checkpoint.AppliedSequence).Select(logged => logged.Event), now);
        }
    }

    private Task RecordShadowCrossingsAsync(DateTimeOffset now) =>
        WouldBeLeads.RecordShadowCrossingsAsync(GrainFactory, _shadows.Crossings(now), SubjectKind.User, UserId, _state.State.AccountId, now);
}
