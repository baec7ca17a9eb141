namespace PqlGrains.Abstractions.Privacy;

/// <summary>The answer to an erasure request: what was erased here and what must be erased elsewhere.</summary>
/// <param name="UserRef">The audit's reference to the user: SHA-256 of the user id (hex, first 32 digits); the audit holds no other identifier.</param>
/// <param name="PendingDeliveriesRedacted">Outbox items not yet delivered whose contact fields were blanked before sending.</param>
/// <param name="ExternalRecords">Records already in HubSpot, Salesforce, Slack or webhook receivers (<c>connector:kind:external id</c>).</param>
[GenerateSerializer, Immutable]
public sealed record ErasureReport(
    [property: Id(0)] bool Known,
    [property: Id(1)] string UserRef,
    [property: Id(2)] DateTimeOffset ErasedAt,
    [property: Id(3)] int EventsDeleted,
    [property: Id(4)] string[] AccountIds,
    [property: Id(5)] string[] LeadIds,
    [property: Id(6)] int PendingDeliveriesRedacted,
    [property: Id(7)] string[] ExternalRecords,
    [property: Id(8)] long ErasedThroughSequence);
