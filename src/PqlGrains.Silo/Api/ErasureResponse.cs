using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Silo.Api;

/// <summary><c>DELETE /api/users/{userId}</c>: what was erased here, and what the operator must erase elsewhere.</summary>
/// <param name="NotErased">What this request cannot reach, and how to erase it.</param>
/// <param name="LaterEvents">What happens to events for this user accepted after the erasure.</param>
public sealed record ErasureResponse(
    string UserId,
    string UserRef,
    DateTimeOffset ErasedAt,
    int EventsDeleted,
    IReadOnlyList<string> AccountsUpdated,
    IReadOnlyList<string> LeadsRedacted,
    int PendingDeliveriesRedacted,
    IReadOnlyList<string> ExternalRecords,
    IReadOnlyList<string> NotErased,
    string LaterEvents)
{
    private static readonly string[] Outside =
    [
        "Copies already delivered to HubSpot, Salesforce, Slack or webhook receivers (externalRecords, as connector:kind:id): erase the contact and those tasks, notes and messages in each tool; this request never calls them.",
        "PostgreSQL backups and WAL archives taken before now still hold the person until they expire under your backup retention.",
        "Account-level signal points their events added stay in the account's decayed score, an aggregate without their id, until they decay.",
        "Lead ids of a user without an account (user:<id>~n) embed the user id; the erasure audit names the user only by userRef.",
    ];

    private const string Later = "Events for this user accepted after the erasure are new data: they create the user again. Stop sending them (e.g. Segment's Suppress and Delete for this userId).";

    public static ErasureResponse From(string userId, ErasureReport report) => new(
        userId,
        report.UserRef,
        report.ErasedAt,
        report.EventsDeleted,
        report.AccountIds,
        report.LeadIds,
        report.PendingDeliveriesRedacted,
        report.ExternalRecords,
        Outside,
        Later);
}
