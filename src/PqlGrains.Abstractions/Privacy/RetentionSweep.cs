namespace PqlGrains.Abstractions.Privacy;

/// <summary>What one retention sweep deleted.</summary>
/// <param name="LoggedBefore">Events logged before this instant had expired.</param>
/// <param name="DeletedEvents">Events deleted from the event log, all partitions.</param>
[GenerateSerializer, Immutable]
public sealed record RetentionSweep(
    [property: Id(0)] DateTimeOffset LoggedBefore,
    [property: Id(1)] long DeletedEvents);
