using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment;

/// <summary>
/// A parsed request body: the normalised events that passed validation, each invalid message
/// with its reason, and the body's <c>writeKey</c> (null when the body has none).
/// </summary>
public sealed class SegmentPayload
{
    internal SegmentPayload(string? writeKey, IReadOnlyList<ScoringEvent> events, IReadOnlyList<SegmentRejection> rejections)
    {
        WriteKey = writeKey;
        Events = events;
        Rejections = rejections;
    }

    public string? WriteKey { get; }

    public IReadOnlyList<ScoringEvent> Events { get; }

    public IReadOnlyList<SegmentRejection> Rejections { get; }
}
