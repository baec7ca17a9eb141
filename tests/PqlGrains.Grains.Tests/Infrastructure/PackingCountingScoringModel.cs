using PqlGrains.Abstractions.Scores;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>The test definition's scoring model, counting how often user states are packed (<see cref="IScoreState.Compact"/>).</summary>
internal sealed class PackingCountingScoringModel(IScoringModel inner) : IScoringModel
{
    private int _userPackings;

    public int UserPackings => Volatile.Read(ref _userPackings);

    public string DefinitionVersion => inner.DefinitionVersion;

    public IReadOnlyList<PqlGrains.Scoring.Definitions.Tier> Tiers => inner.Tiers;

    public IUserScoreState CreateUserState() => new Counted(inner.CreateUserState(), this);

    public IUserScoreState RestoreUserState(byte[] snapshot) => new Counted(inner.RestoreUserState(snapshot), this);

    public IAccountScoreState CreateAccountState() => inner.CreateAccountState();

    public IAccountScoreState RestoreAccountState(byte[] snapshot) => inner.RestoreAccountState(snapshot);

    private sealed class Counted(IUserScoreState state, PackingCountingScoringModel model) : IUserScoreState
    {
        public string DefinitionVersion => state.DefinitionVersion;

        public TierCrossings Crossings => state.Crossings;

        public bool Apply(ScoringEvent scoringEvent) => state.Apply(scoringEvent);

        public ScoredEvent ApplyScored(ScoringEvent scoringEvent) => state.ApplyScored(scoringEvent);

        public ScoreSummary Evaluate(DateTimeOffset at) => state.Evaluate(at);

        public ScoreAndTier ScoreAndTierAt(DateTimeOffset at) => state.ScoreAndTierAt(at);

        public byte[] Save() => state.Save();

        public void Compact()
        {
            Interlocked.Increment(ref model._userPackings);
            state.Compact();
        }
    }
}
