using System.Text;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment.Tests;

/// <summary>Parses a JSON text as the gateway does, received at a fixed instant.</summary>
internal static class ParsedBatch
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    public static SegmentPayload Parse(string json, SegmentEndpoint endpoint = SegmentEndpoint.Batch) =>
        SegmentPayloadParser.Parse(Encoding.UTF8.GetBytes(json), endpoint, ReceivedAt);

    public static ScoringEvent Single(string messageJson) =>
        Assert.Single(Parse($$"""{"batch":[{{messageJson}}]}""").Events);
}
