namespace PqlGrains.Abstractions.Leads;

/// <summary>A subject paid: the outcome calibration compares leads against.</summary>
/// <param name="Subject">Lead grain key (<see cref="LeadKeys.Account"/> or <see cref="LeadKeys.User"/>).</param>
/// <param name="LeadId">The lead it closed, when one was open or had been opened before.</param>
[GenerateSerializer, Immutable]
public sealed record Conversion(
    [property: Id(0)] string Subject,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? LeadId = null);
