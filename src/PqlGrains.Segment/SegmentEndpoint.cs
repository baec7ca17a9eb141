namespace PqlGrains.Segment;

/// <summary>
/// The Segment HTTP tracking API call a request body was posted to. The single-call values equal
/// their <see cref="PqlGrains.Scoring.Events.EventType"/> on purpose: the path names the event type.
/// </summary>
public enum SegmentEndpoint : byte
{
    Track = 0,
    Page = 1,
    Screen = 2,
    Identify = 3,
    Group = 4,
    Alias = 5,

    /// <summary><c>/v1/batch</c> and <c>/v1/import</c>: <c>{"batch":[...]}</c> of typed messages.</summary>
    Batch = 6,
}
