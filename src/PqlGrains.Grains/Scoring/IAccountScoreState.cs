namespace PqlGrains.Grains.Scoring;

/// <summary>
/// An account's state: account-level signals fed with its members' events (through
/// <see cref="IScoreState.Apply"/>) plus each member's latest score.
/// </summary>
public interface IAccountScoreState : IScoreState
{
    void ReportMember(string userId, double score, DateTimeOffset evaluatedAt);

    /// <summary>The user left the account: its score no longer counts.</summary>
    void RemoveMember(string userId, DateTimeOffset at);

    /// <summary>
    /// The state was just saved as <paramref name="saved"/> and has not changed since: it keeps those bytes instead of
    /// the live state until the next call needs it (a settled account waits for its members' next burst).
    /// </summary>
    void CompactAs(byte[] saved);
}
