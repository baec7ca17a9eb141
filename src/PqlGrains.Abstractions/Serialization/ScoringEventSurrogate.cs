using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Serialization;

/// <summary>
/// Wire shape of <see cref="ScoringEvent"/>: the scoring project stays free of Orleans, so its
/// event crosses grains through this surrogate.
/// </summary>
[GenerateSerializer]
public struct ScoringEventSurrogate
{
    [Id(0)] public string MessageId;
    [Id(1)] public string UserId;
    [Id(2)] public EventType Type;
    [Id(3)] public string Name;
    [Id(4)] public DateTimeOffset Timestamp;
    [Id(5)] public string[] PropertyKeys;
    [Id(6)] public PropertyValueSurrogate[] PropertyValues;
    [Id(7)] public string? GroupId;
}
