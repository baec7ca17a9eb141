namespace PqlGrains.Segment;

/// <summary>One message that was not accepted, and why (the reason says how to fix it).</summary>
/// <param name="Index">Zero-based position in the batch (0 for single-call endpoints), or the line number for NDJSON files.</param>
/// <param name="MessageId">The message's messageId when it had a readable one.</param>
/// <param name="Error">What is wrong and how to fix it.</param>
public sealed record SegmentRejection(int Index, string? MessageId, string Error);
