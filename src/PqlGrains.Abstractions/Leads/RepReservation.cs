namespace PqlGrains.Abstractions.Leads;

/// <summary>A rep ledger's answer to a reservation.</summary>
/// <param name="Reserved">The lead now counts against the rep.</param>
/// <param name="Open">The rep's open leads after the answer (including this one when reserved).</param>
[GenerateSerializer, Immutable]
public sealed record RepReservation(
    [property: Id(0)] bool Reserved,
    [property: Id(1)] int Open);
