using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Abstractions.Users;

/// <summary>One user (key: Segment userId, or anonymousId when there is none).</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Applies logged events idempotently; completes once they are reflected in the user's state.</summary>
    Task Apply(UserEventBatch batch);

    /// <summary>The user's score evaluated now, or null when no event of this user was ever logged.</summary>
    Task<UserView?> GetView();

    /// <summary>Score yesterday and recent features for a lead brief; null when no event of this user was ever logged.</summary>
    Task<UserBriefFacts?> GetBriefFacts();

    /// <summary>
    /// Erases the user: their event log rows, traits, scores and recent activity, and their membership in their
    /// accounts; then deactivates. Events already logged are never applied again; events logged later are new data.
    /// </summary>
    Task<UserErasure> Erase();
}
