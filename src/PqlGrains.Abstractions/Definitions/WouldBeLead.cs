using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Abstractions.Definitions;

/// <summary>A subject crossing into a tier, as a lead would have opened for it: recorded for comparison, never routed.</summary>
/// <param name="Subject">The lead subject it would belong to (<c>account:{id}</c> or <c>user:{id}</c>, as lead grains key it).</param>
[GenerateSerializer, Immutable]
public sealed record WouldBeLead(
    [property: Id(0)] string Subject,
    [property: Id(1)] SubjectKind Kind,
    [property: Id(2)] string SubjectId,
    [property: Id(3)] string Tier,
    [property: Id(4)] double Score,
    [property: Id(5)] string DefinitionVersion,
    [property: Id(6)] DateTimeOffset At);
