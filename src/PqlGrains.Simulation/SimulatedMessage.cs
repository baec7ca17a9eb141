namespace PqlGrains.Simulation;

/// <summary>
/// One Segment message of the simulated product. <paramref name="Name"/> is the track event or
/// the page name; <paramref name="Properties"/> are properties (track/page) or traits
/// (identify/group); <paramref name="GroupId"/> is the group call's groupId or, for other calls,
/// <c>context.groupId</c>. Property values are string, double, int or bool.
/// </summary>
public sealed record SimulatedMessage(
    SegmentCall Type,
    string MessageId,
    string UserId,
    DateTimeOffset Timestamp,
    string? Name,
    IReadOnlyList<KeyValuePair<string, object>> Properties,
    string? GroupId = null,
    string? AnonymousId = null);
