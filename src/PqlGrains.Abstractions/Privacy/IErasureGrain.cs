namespace PqlGrains.Abstractions.Privacy;

/// <summary>
/// Erases one person (key: the user id) on request: their events, user state, account membership, the contact in
/// their leads and pending deliveries, and their tier changes in the feed; then audits it. Events arriving later
/// are new data and create the user again.
/// </summary>
public interface IErasureGrain : IGrainWithStringKey
{
    /// <param name="requestedBy">Who asked, for the audit (no personal data of the subject).</param>
    Task<ErasureReport> Erase(string requestedBy);
}
