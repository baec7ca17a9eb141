namespace PqlGrains.Abstractions.Leads;

/// <summary>A delivery the outbox gave up on, with the reason an operator can act on.</summary>
[GenerateSerializer, Immutable]
public sealed record DeadLetter(
    [property: Id(0)] string LeadId,
    [property: Id(1)] LeadDelivery Delivery,
    [property: Id(2)] int Attempts,
    [property: Id(3)] DateTimeOffset FirstAttemptAt);
