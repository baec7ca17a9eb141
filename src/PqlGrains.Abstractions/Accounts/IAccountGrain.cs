namespace PqlGrains.Abstractions.Accounts;

/// <summary>One account (key: Segment groupId): the roll-up of its users' scores plus account traits.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Records a member's latest score, adding the user to the account when new.</summary>
    Task ReportMember(AccountMemberReport report);

    /// <summary>The user moved to another account.</summary>
    Task RemoveMember(string userId);

    /// <summary>Merges traits from a group call made at <paramref name="at"/>; older calls never overwrite newer ones.</summary>
    Task UpdateTraits(AccountTraits traits, DateTimeOffset at);

    /// <summary>The rolled-up account, or null when no user or group call ever mentioned it.</summary>
    Task<AccountView?> GetView();
}
