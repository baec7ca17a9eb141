namespace PqlGrains.Segment;

/// <summary>Segment's documented size limits, measured on the uncompressed JSON, and the gateway's own limit on ids.</summary>
public static class SegmentLimits
{
    public const int MaxEventBytes = 32 * 1024;

    /// <summary>
    /// Characters (UTF-16 units, never fewer than PostgreSQL's code points) a userId, anonymousId, groupId, previousId,
    /// messageId or account id may have. Ids become keys downstream, and an id that no key can hold would be
    /// acknowledged, logged and dispatched, then fail forever when its grain first saves. The tightest key is a
    /// reminder row: <c>OrleansRemindersTable.GrainId varchar(150)</c> holds <c>{grain type}/{key}</c>, and the lead
    /// outbox of an account is <c>leadoutbox/account:{id}</c>, 19 characters before the id (147 with 128). Grain
    /// state keys (<c>GrainIdExtensionString varchar(512)</c>) and the event log's <c>user_id</c> and
    /// <c>message_id</c> (<c>text</c>, b-tree indexed, about 2.7 KB per index entry) hold more.
    /// </summary>
    public const int MaxIdLength = 128;

    public const int MaxBatchBytes = 500 * 1024;

    /// <summary>The body limit of an endpoint: a batch may carry 500 KB, a single call 32 KB.</summary>
    public static int MaxBodyBytes(SegmentEndpoint endpoint) => endpoint == SegmentEndpoint.Batch ? MaxBatchBytes : MaxEventBytes;

    /// <summary>The error for a body over its endpoint's limit, saying which limit and how to fix it.</summary>
    public static string Exceeded(SegmentEndpoint endpoint, long bytes) => endpoint == SegmentEndpoint.Batch
        ? $"the batch is {bytes} bytes or more, over the 500 KB ({MaxBatchBytes} bytes) per-request limit: send fewer messages per batch (SDKs: lower flushAt / maxEventsInBatch)."
        : $"the message is {bytes} bytes or more, over the 32 KB ({MaxEventBytes} bytes) per-event limit: send fewer or shorter properties/traits.";

    /// <summary>
    /// Why <paramref name="id"/> cannot be a key, or <see langword="null"/> when it can: too long for
    /// <see cref="MaxIdLength"/>, or holding a NUL, which PostgreSQL text cannot store.
    /// </summary>
    internal static string? IdError(string field, string id)
    {
        if (id.Length > MaxIdLength)
        {
            return $"'{field}' is {id.Length} characters; at most {MaxIdLength} are accepted, as ids become storage keys: send a shorter stable id (e.g. your database key, or a hash of the long one).";
        }

        var nul = id.AsSpan().IndexOf('\0');
        return nul < 0
            ? null
            : $"'{field}' has a NUL character (\\u0000) at index {nul}, which PostgreSQL cannot store: remove it from the id.";
    }
}
