namespace PqlGrains.Scoring.Events;

/// <summary>
/// A product event as the scoring engine sees it, already normalised from the Segment call.
/// </summary>
/// <param name="MessageId">Segment messageId: the idempotency key.</param>
/// <param name="UserId">userId, or anonymousId when there is no userId.</param>
/// <param name="Type">The Segment call type.</param>
/// <param name="Name">Track: the event name. Page/screen: the page name (may be empty). Identify/group: empty.</param>
/// <param name="Timestamp">Event time as Segment resolves it (never arrival time).</param>
/// <param name="Properties">Track/page/screen properties (page calls carry <c>path</c>, <c>url</c>, ...), or identify/group traits.</param>
/// <param name="GroupId">The account the user belongs to, when known from the call (group call, context.groupId).</param>
public sealed record ScoringEvent(
    string MessageId,
    string UserId,
    EventType Type,
    string Name,
    DateTimeOffset Timestamp,
    EventProperties Properties,
    string? GroupId = null);
