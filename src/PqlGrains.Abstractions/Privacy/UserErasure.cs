namespace PqlGrains.Abstractions.Privacy;

/// <summary>What a user grain erased of itself.</summary>
/// <param name="Known">The user had applied events or events in the log; false means nothing was there to erase.</param>
/// <param name="EventsDeleted">Event log rows deleted.</param>
/// <param name="AccountIds">Accounts the user was removed from (their leads may name the user as contact).</param>
/// <param name="ErasedThroughSequence">Events of the user's partition up to this sequence are erased and never applied again; later ones are new data.</param>
[GenerateSerializer, Immutable]
public sealed record UserErasure(
    [property: Id(0)] bool Known,
    [property: Id(1)] int EventsDeleted,
    [property: Id(2)] string[] AccountIds,
    [property: Id(3)] long ErasedThroughSequence);
