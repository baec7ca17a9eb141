using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Privacy;

/// <summary>How an erased contact reads in what is kept: leads, their history and unsent deliveries.</summary>
public static class ContactRedaction
{
    public const string ErasedContact = "[erased]";

    public static bool Names(LeadContext? context, string userId) =>
        context is not null && string.Equals(context.ContactUserId, userId, StringComparison.Ordinal);

    /// <summary>The context without the contact's id, name and email; the company, score and signals stay.</summary>
    public static LeadContext Redact(LeadContext context) =>
        context with { ContactUserId = ErasedContact, ContactName = null, ContactEmail = null };

    /// <summary>Whether free text (activity details, headlines) mentions the user as lead history writes it (<c>user {id}</c>).</summary>
    public static bool Mentions(string text, string userId) => text.Contains(Mention(userId), StringComparison.Ordinal);

    /// <summary>
    /// The text with every mention of the user replaced. Only the <c>user {id}</c> form is matched: a short id such as
    /// <c>42</c> must not rewrite scores and counts in the same sentence.
    /// </summary>
    public static string Redact(string text, string userId) =>
        text.Replace(Mention(userId), Mention(ErasedContact), StringComparison.Ordinal);

    private static string Mention(string userId) => "user " + userId;
}
