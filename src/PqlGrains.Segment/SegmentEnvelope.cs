using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// What a message inherits from the request around it: the batch-level context (merged under
/// the message's own), the batch sentAt, and the receipt time (null when reading files, where
/// only the message's own times count).
/// </summary>
internal readonly struct SegmentEnvelope
{
    public SegmentEnvelope(JsonElement context, DateTimeOffset? sentAt, string? sentAtError, DateTimeOffset? receivedAt)
    {
        Context = context;
        SentAt = sentAt;
        SentAtError = sentAtError;
        ReceivedAt = receivedAt;
    }

    public JsonElement Context { get; }

    public DateTimeOffset? SentAt { get; }

    /// <summary>Set when the batch's sentAt is unreadable; only messages that need it are rejected.</summary>
    public string? SentAtError { get; }

    public DateTimeOffset? ReceivedAt { get; }
}
