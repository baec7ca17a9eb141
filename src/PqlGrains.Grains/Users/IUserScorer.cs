using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Grains.Users;

/// <summary>
/// The active scoring definition as user and account grains use it. The grains never score
/// themselves: this seam hands them the pure scoring engine's per-user state.
/// </summary>
public interface IUserScorer
{
    /// <summary>Version of the active definition; state scored under another version is rebuilt from the log.</summary>
    string DefinitionVersion { get; }

    IUserScoreState CreateState();

    /// <summary>Rebuilds state saved by <see cref="IUserScoreState.Save"/> under the same definition version.</summary>
    IUserScoreState Restore(byte[] snapshot);

    /// <summary>Scores an account from its members' summaries under the active definition.</summary>
    ScoreSummary RollUp(IReadOnlyCollection<ScoreSummary> members, DateTimeOffset at);
}
