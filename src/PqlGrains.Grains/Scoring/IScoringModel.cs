using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Scoring;

/// <summary>
/// The active scoring definition as user and account grains use it. The grains never score
/// themselves: this seam hands them the pure scoring engine's states under one definition.
/// </summary>
public interface IScoringModel
{
    /// <summary>Version of the active definition; state saved under another version is rebuilt.</summary>
    string DefinitionVersion { get; }

    /// <summary>The active definition's tiers, lowest first (names, thresholds, routes, response SLAs).</summary>
    IReadOnlyList<Tier> Tiers { get; }

    IUserScoreState CreateUserState();

    /// <summary>Rebuilds a user state saved by <see cref="IScoreState.Save"/> under the same definition version.</summary>
    IUserScoreState RestoreUserState(byte[] snapshot);

    IAccountScoreState CreateAccountState();

    /// <summary>Rebuilds an account state saved by <see cref="IScoreState.Save"/> under the same definition version.</summary>
    IAccountScoreState RestoreAccountState(byte[] snapshot);

    /// <summary>
    /// Definitions evaluated in shadow beside this one: subjects keep a state under each and record their tier
    /// crossings as would-be leads, never published to tier-change observers.
    /// </summary>
    IReadOnlyList<IScoringModel> Shadows => [];
}
