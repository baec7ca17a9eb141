using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Scoring;

/// <summary>The scoring engine under one compiled <see cref="PqlDefinition"/>.</summary>
public sealed class DefinitionScoringModel(PqlDefinition definition) : IScoringModel
{
    public PqlDefinition Definition { get; } = definition;

    public string DefinitionVersion => Definition.Version;

    public IReadOnlyList<Tier> Tiers => Definition.Tiers;

    /// <summary>
    /// MessageIds a user state remembers. Users are fed from the event log, which logs a messageId once per
    /// partition and is applied by sequence, so the engine's ring is a second line only; 8 instead of the
    /// engine's 64 saves 448 bytes per user, resident and in every checkpoint.
    /// </summary>
    public const int UserRememberedMessageIds = 8;

    public IUserScoreState CreateUserState() => new UserScoreState(Definition.CreateUserState(UserRememberedMessageIds));

    public IUserScoreState RestoreUserState(byte[] snapshot) =>
        new UserScoreState(Definition.RestoreUserState(ScoringSnapshotCodec.DecodeUser(snapshot)));

    public IAccountScoreState CreateAccountState() => new AccountScoreState(Definition.CreateAccountState());

    public IAccountScoreState RestoreAccountState(byte[] snapshot) =>
        new AccountScoreState(Definition.RestoreAccountState(ScoringSnapshotCodec.DecodeAccount(snapshot)));
}
