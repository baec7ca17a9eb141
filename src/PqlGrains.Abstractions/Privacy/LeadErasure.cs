namespace PqlGrains.Abstractions.Privacy;

/// <summary>What a lead subject redacted for an erased contact.</summary>
/// <param name="LeadIds">Leads whose context named the contact; kept (for counts and calibration) with the contact redacted.</param>
/// <param name="PendingDeliveries">Outbox items not yet sent whose contact fields were blanked.</param>
/// <param name="ExternalRecords">Copies already delivered outside (<c>connector:kind:external id</c>): erase those in the tool itself.</param>
[GenerateSerializer, Immutable]
public sealed record LeadErasure(
    [property: Id(0)] string[] LeadIds,
    [property: Id(1)] int PendingDeliveries,
    [property: Id(2)] string[] ExternalRecords);
