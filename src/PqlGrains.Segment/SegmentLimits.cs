namespace PqlGrains.Segment;

/// <summary>Segment's documented size limits, measured on the uncompressed JSON.</summary>
public static class SegmentLimits
{
    public const int MaxEventBytes = 32 * 1024;

    public const int MaxBatchBytes = 500 * 1024;

    /// <summary>The body limit of an endpoint: a batch may carry 500 KB, a single call 32 KB.</summary>
    public static int MaxBodyBytes(SegmentEndpoint endpoint) => endpoint == SegmentEndpoint.Batch ? MaxBatchBytes : MaxEventBytes;

    /// <summary>The error for a body over its endpoint's limit, saying which limit and how to fix it.</summary>
    public static string Exceeded(SegmentEndpoint endpoint, long bytes) => endpoint == SegmentEndpoint.Batch
        ? $"the batch is {bytes} bytes or more, over the 500 KB ({MaxBatchBytes} bytes) per-request limit: send fewer messages per batch (SDKs: lower flushAt / maxEventsInBatch)."
        : $"the message is {bytes} bytes or more, over the 32 KB ({MaxEventBytes} bytes) per-event limit: send fewer or shorter properties/traits.";
}
