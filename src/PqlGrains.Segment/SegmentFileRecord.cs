using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment;

/// <summary>One message read from an NDJSON file: its event, or why it was rejected.</summary>
/// <param name="Line">1-based line number the message was on.</param>
public sealed record SegmentFileRecord(int Line, ScoringEvent? Event, SegmentRejection? Rejection);
