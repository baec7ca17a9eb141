using PqlGrains.Abstractions.Scores;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// One subject's states under the shadow versions, fed the same events as its active state. A shadow added
/// later is built from the subject's history silently (its current tier is the baseline, not a crossing), so
/// only crossings caused by live events become would-be leads. Users and accounts differ only in the kind of
/// state (<see cref="ShadowScores"/>, <see cref="AccountShadowScores"/>).
/// </summary>
internal abstract class ShadowStates<TState>
    where TState : IScoreState
{
    private readonly List<Shadow> _shadows = [];

    // Last known tier per shadow version whose state is gone: a rebuilt state resumes from it, so replaying
    // history never counts as a crossing. Created on first use: almost no subject ever needs it, and an empty
    // dictionary per user grain was 80 bytes of every active user's heap.
    private Dictionary<string, string?>? _knownTiers;

    /// <summary>Whether these states are exactly the model's shadow versions.</summary>
    public bool Matches(IReadOnlyList<IScoringModel> models)
    {
        if (models.Count != _shadows.Count)
        {
            return false;
        }

        for (var i = 0; i < models.Count; i++)
        {
            if (models[i].DefinitionVersion != _shadows[i].State.DefinitionVersion)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Drops every state because the subject rebuilds from its log; their tiers, and those of <paramref name="saved"/>,
    /// stay the baseline of the rebuilt states.
    /// </summary>
    public void Forget(IReadOnlyList<ShadowCheckpoint>? saved)
    {
        foreach (var shadow in _shadows)
        {
            KnownTiers[shadow.State.DefinitionVersion] = shadow.Tier;
        }

        foreach (var checkpoint in saved ?? [])
        {
            KnownTiers.TryAdd(checkpoint.Version, checkpoint.Tier);
        }

        _shadows.Clear();
    }

    /// <summary>
    /// Keeps states whose version is still shadowed, restores saved ones, and returns the models that need a
    /// state built from history (<see cref="Build"/>).
    /// </summary>
    public List<IScoringModel> Align(IReadOnlyList<IScoringModel> models, IReadOnlyList<ShadowCheckpoint>? saved)
    {
        var kept = new List<Shadow>(models.Count);
        var missing = new List<IScoringModel>();
        foreach (var model in models)
        {
            if (_shadows.Find(shadow => shadow.State.DefinitionVersion == model.DefinitionVersion) is { } live)
            {
                kept.Add(live);
            }
            else if (saved?.FirstOrDefault(checkpoint => checkpoint.Version == model.DefinitionVersion) is { } checkpoint && TryRestore(model, checkpoint) is { } restored)
            {
                kept.Add(restored);
            }
            else
            {
                missing.Add(model);
            }
        }

        _shadows.Clear();
        _shadows.AddRange(kept);
        return missing;
    }

    /// <summary>
    /// Adds a shadow state built from the subject's history (after <paramref name="seed"/>, e.g. an account's member
    /// scores). Its baseline is the last known tier (see <see cref="Forget"/>), else its tier now: history never
    /// counts as a crossing.
    /// </summary>
    public void Build(IScoringModel model, IEnumerable<ScoringEvent> history, DateTimeOffset now, Action<TState>? seed = null)
    {
        var state = Create(model);
        seed?.Invoke(state);
        foreach (var scoringEvent in history)
        {
            ApplyGuarded(state, scoringEvent);
        }

        var tier = _knownTiers is not null && _knownTiers.Remove(model.DefinitionVersion, out var known) ? known : state.Evaluate(now).Tier;
        _shadows.Add(new Shadow(state) { Tier = tier });
    }

    public void Apply(ScoringEvent scoringEvent)
    {
        foreach (var shadow in _shadows)
        {
            ApplyGuarded(shadow.State, scoringEvent);
        }
    }

    /// <summary>Shadows whose tier changed since the last call, with the tier before.</summary>
    public List<(ScoreSummary Summary, string? OldTier)> Crossings(DateTimeOffset now)
    {
        var crossings = new List<(ScoreSummary, string?)>();
        foreach (var shadow in _shadows)
        {
            var summary = shadow.State.Evaluate(now);
            if (summary.Tier != shadow.Tier)
            {
                crossings.Add((summary, shadow.Tier));
                shadow.Tier = summary.Tier;
            }
        }

        return crossings;
    }

    public List<ShadowCheckpoint>? Save() => _shadows.Count == 0
        ? null
        : [.. _shadows.Select(shadow => new ShadowCheckpoint { Version = shadow.State.DefinitionVersion, ScoreState = shadow.State.Save(), Tier = shadow.Tier })];

    private Dictionary<string, string?> KnownTiers => _knownTiers ??= new(StringComparer.Ordinal);

    /// <summary>How many shadow versions have a state.</summary>
    protected int Count => _shadows.Count;

    /// <summary>Each shadow state with its version.</summary>
    protected IEnumerable<TState> States => _shadows.Select(shadow => shadow.State);

    /// <summary>A fresh state under the shadow model, before any history.</summary>
    protected abstract TState Create(IScoringModel model);

    protected abstract TState Restore(IScoringModel model, byte[] snapshot);

    private Shadow? TryRestore(IScoringModel model, ShadowCheckpoint checkpoint)
    {
        try
        {
            return new Shadow(Restore(model, checkpoint.ScoreState)) { Tier = checkpoint.Tier };
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or EndOfStreamException)
        {
            // Saved under another build or definition: rebuilt from the log like the active state.
            return null;
        }
    }

    private static void ApplyGuarded(IScoreState state, ScoringEvent scoringEvent)
    {
        try
        {
            state.Apply(scoringEvent);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A shadow definition must never stall the subject: the event is skipped for this shadow only.
        }
    }

    private sealed class Shadow(TState state)
    {
        public TState State { get; } = state;

        public string? Tier { get; set; }
    }
}
