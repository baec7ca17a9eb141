using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Scoring;

/// <summary>The scoring engine under one compiled <see cref="PqlDefinition"/>.</summary>
public sealed class DefinitionScoringModel(PqlDefinition definition) : IScoringModel
{
    public PqlDefinition Definition { get; } = definition;

    public string DefinitionVersion => Definition.Version;

    public IReadOnlyList<Tier> Tiers => Definition.Tiers;

    public IUserScoreState CreateUserState() => new UserScoreState(Definition.CreateUserState());

    public IUserScoreState RestoreUserState(byte[] snapshot) =>
        new UserScoreState(Definition.RestoreUserState(ScoringSnapshotCodec.DecodeUser(snapshot)));

    public IAccountScoreState CreateAccountState() => new AccountScoreState(Definition.CreateAccountState());

    public IAccountScoreState RestoreAccountState(byte[] snapshot) =>
        new AccountScoreState(Definition.RestoreAccountState(ScoringSnapshotCodec.DecodeAccount(snapshot)));
}
