namespace PqlGrains.Abstractions.Scores;

/// <summary>A score with its explanation, as evaluated under one definition version at one instant.</summary>
/// <param name="Tier">The tier the score falls in, or null below the lowest tier.</param>
/// <param name="TopSignals">Plain-language top signals, strongest first.</param>
/// <param name="RouteImmediately">An event-tier signal asked for immediate routing.</param>
/// <param name="Suppression">Why outreach is held back despite the tier (e.g. AlreadyPaying, Stale), or null.</param>
[GenerateSerializer, Immutable]
public sealed record ScoreSummary(
    [property: Id(0)] double Score,
    [property: Id(1)] string? Tier,
    [property: Id(2)] string DefinitionVersion,
    [property: Id(3)] SignalPoints[] Breakdown,
    [property: Id(4)] string[] TopSignals,
    [property: Id(5)] DateTimeOffset EvaluatedAt,
    [property: Id(6)] bool RouteImmediately = false,
    [property: Id(7)] string? Suppression = null);
