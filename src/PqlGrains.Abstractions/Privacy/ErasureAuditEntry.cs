namespace PqlGrains.Abstractions.Privacy;

/// <summary>One erasure, as the audit keeps it: no personal data, the user only by <paramref name="UserRef"/>.</summary>
/// <param name="RequestedBy">Who asked (the caller's <c>X-Requested-By</c>, e.g. a ticket or staff id), never the subject.</param>
/// <param name="UserRef">SHA-256 of the user id (hex, first 32 digits): hash a user id to find its entry.</param>
[GenerateSerializer, Immutable]
public sealed record ErasureAuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string RequestedBy,
    [property: Id(2)] string UserRef,
    [property: Id(3)] int EventsDeleted,
    [property: Id(4)] int AccountsUpdated,
    [property: Id(5)] int LeadsRedacted,
    [property: Id(6)] int ExternalRecordsToEraseElsewhere);
