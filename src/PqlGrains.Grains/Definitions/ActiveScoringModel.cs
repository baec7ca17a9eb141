using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// <see cref="IScoringModel"/> following the registry: whatever <see cref="ActiveDefinitions"/> holds now. A grain
/// compares its state's <see cref="IScoreState.DefinitionVersion"/> with <see cref="DefinitionVersion"/> and replays
/// its log when they differ.
/// </summary>
internal sealed class ActiveScoringModel(ActiveDefinitions definitions) : IScoringModel
{
    public string DefinitionVersion => definitions.Active.DefinitionVersion;

    public IReadOnlyList<Tier> Tiers => definitions.Active.Tiers;

    public IReadOnlyList<IScoringModel> Shadows => definitions.Shadows;

    public IUserScoreState CreateUserState() => definitions.Active.CreateUserState();

    public IUserScoreState RestoreUserState(byte[] snapshot) => definitions.Active.RestoreUserState(snapshot);

    public IAccountScoreState CreateAccountState() => definitions.Active.CreateAccountState();

    public IAccountScoreState RestoreAccountState(byte[] snapshot) => definitions.Active.RestoreAccountState(snapshot);
}
