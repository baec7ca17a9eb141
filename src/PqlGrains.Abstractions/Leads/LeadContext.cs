namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// Everything the alert and the CRM task show, frozen when the lead opened (and refreshed on re-qualification):
/// who, how hot, why, the company, and the definition version that scored it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LeadContext(
    [property: Id(0)] string? AccountId,
    [property: Id(1)] string? AccountName,
    [property: Id(2)] string ContactUserId,
    [property: Id(3)] string? ContactName,
    [property: Id(4)] string? ContactEmail,
    [property: Id(5)] double Score,
    [property: Id(6)] string Tier,
    [property: Id(7)] double? ScoreYesterday,
    [property: Id(8)] LeadSignal[] Signals,
    [property: Id(9)] string[] TopSignals,
    [property: Id(10)] int? ActiveUsers7Days,
    [property: Id(11)] string[] FeaturesUsed7Days,
    [property: Id(12)] string? Plan,
    [property: Id(13)] LeadCompany? Company,
    [property: Id(14)] DateTimeOffset ThresholdCrossedAt,
    [property: Id(15)] string DefinitionVersion);
