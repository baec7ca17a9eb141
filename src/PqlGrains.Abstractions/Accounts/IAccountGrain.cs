namespace PqlGrains.Abstractions.Accounts;

/// <summary>One account (key: Segment groupId): the roll-up of its users' scores plus account traits and signals.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a member's latest score and events, adding the user when new. Returns the highest
    /// sequence of this member's events the account has durably saved: the member may forget
    /// events up to it and resends the rest with its next report.
    /// </summary>
    Task<long> ReportMember(AccountMemberReport report);

    /// <summary>The user moved to another account.</summary>
    Task RemoveMember(string userId);

    /// <summary>Merges traits from a group call made at <paramref name="at"/>; older calls never overwrite newer ones.</summary>
    Task UpdateTraits(AccountTraits traits, DateTimeOffset at);

    /// <summary>The rolled-up account evaluated now, or null when no user or group call ever mentioned it.</summary>
    Task<AccountView?> GetView();
}
