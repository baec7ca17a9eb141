using System.Globalization;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// Lead grain keys and lead ids. A lead grain is keyed by its subject (<c>account:{id}</c>, or <c>user:{id}</c> for a
/// user without an account); each lead it opens gets the id <c>{subject}~{n}</c>, so any lead id finds its grain.
/// </summary>
public static class LeadKeys
{
    private const char Separator = '~';

    /// <summary>The lead grain a tier change belongs to: a user with an account qualifies the account's lead.</summary>
    public static string SubjectOf(TierChanged change) => change.Kind == SubjectKind.Account
        ? Account(change.SubjectId)
        : change.AccountId is { Length: > 0 } account ? Account(account) : User(change.SubjectId);

    public static string Account(string accountId) => "account:" + accountId;

    public static string User(string userId) => "user:" + userId;

    public static string LeadId(string subject, int sequence) => subject + Separator + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lead grain key inside a lead id, or null when the id is not one this system issued.</summary>
    public static string? SubjectOfLead(string leadId)
    {
        var at = leadId.LastIndexOf(Separator);
        if (at <= 0 || !int.TryParse(leadId.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        var subject = leadId[..at];
        return subject.StartsWith("account:", StringComparison.Ordinal) || subject.StartsWith("user:", StringComparison.Ordinal) ? subject : null;
    }

    /// <summary>Parses an API subject (<c>account:acme</c> or <c>user:u-42</c>); null when malformed.</summary>
    public static string? ParseSubject(string text) =>
        (text.StartsWith("account:", StringComparison.Ordinal) && text.Length > 8) || (text.StartsWith("user:", StringComparison.Ordinal) && text.Length > 5)
            ? text
            : null;
}
