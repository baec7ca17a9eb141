using System.Text.Json;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment;

/// <summary>
/// Parses the body of a Segment HTTP tracking API request into normalised events. Invalid
/// messages are rejected one by one (the rest are kept); a body that cannot be read at all
/// throws <see cref="SegmentPayloadException"/>.
/// </summary>
public static class SegmentPayloadParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <param name="utf8Json">The uncompressed body; it must stay unchanged until this returns.</param>
    /// <param name="endpoint">The call the body was posted to.</param>
    /// <param name="receivedAt">When the gateway received the request (Segment's receivedAt).</param>
    public static SegmentPayload Parse(ReadOnlyMemory<byte> utf8Json, SegmentEndpoint endpoint, DateTimeOffset receivedAt)
    {
        var limit = SegmentLimits.MaxBodyBytes(endpoint);
        if (utf8Json.Length > limit)
        {
            throw new SegmentPayloadException(SegmentPayloadError.TooLarge, SegmentLimits.Exceeded(endpoint, utf8Json.Length));
        }

        using var document = ParseDocument(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SegmentPayloadException(SegmentPayloadError.InvalidShape,
                $"the body is {SegmentTimestamps.Describe(root)}, not a JSON object: send one Segment call object, or {{\"batch\":[...]}} to /v1/batch.");
        }

        ForeignFormats.ThrowIfForeign(root);
        var writeKey = root.TryGetProperty("writeKey"u8, out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
        if (endpoint != SegmentEndpoint.Batch)
        {
            var envelope = new SegmentEnvelope(default, null, null, receivedAt);
            var single = SegmentMessageReader.Read(root, endpoint, in envelope, out var messageId, out var error);
            return single is null
                ? new SegmentPayload(writeKey, [], [new SegmentRejection(0, messageId, error!)])
                : new SegmentPayload(writeKey, [single], []);
        }

        if (!root.TryGetProperty("batch"u8, out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            throw new SegmentPayloadException(SegmentPayloadError.InvalidShape,
                "the body has no 'batch' array: send {\"batch\":[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Report Exported\"}, ...]}, or post single calls to /v1/track, /v1/identify, ...");
        }

        return ReadBatch(batch, writeKey, BatchEnvelope(root, receivedAt));
    }

    private static SegmentPayload ReadBatch(JsonElement batch, string? writeKey, SegmentEnvelope envelope)
    {
        var count = batch.GetArrayLength();
        var events = new List<ScoringEvent>(count);
        List<SegmentRejection>? rejections = null;
        var index = 0;
        foreach (var message in batch.EnumerateArray())
        {
            var normalised = SegmentMessageReader.Read(message, SegmentEndpoint.Batch, in envelope, out var messageId, out var error);
            if (normalised is null)
            {
                (rejections ??= []).Add(new SegmentRejection(index, messageId, error!));
            }
            else
            {
                events.Add(normalised);
            }

            index++;
        }

        return new SegmentPayload(writeKey, events, rejections is null ? [] : rejections);
    }

    internal static SegmentEnvelope BatchEnvelope(JsonElement root, DateTimeOffset? receivedAt)
    {
        var context = root.TryGetProperty("context"u8, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
        DateTimeOffset? sentAt = null;
        string? sentAtError = null;
        if (root.TryGetProperty("sentAt"u8, out var sent) && sent.ValueKind != JsonValueKind.Null)
        {
            if (SegmentTimestamps.TryRead(sent, "sentAt", out var parsed, out var error))
            {
                sentAt = parsed;
            }
            else
            {
                sentAtError = "the batch's " + error + " It is needed to correct this message's originalTimestamp for clock skew.";
            }
        }

        return new SegmentEnvelope(context, sentAt, sentAtError, receivedAt);
    }

    internal static JsonDocument ParseDocument(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new SegmentPayloadException(SegmentPayloadError.InvalidJson,
                $"the body is not valid JSON ({exception.Message}): send UTF-8 JSON; a gzip body needs the header 'Content-Encoding: gzip'.", exception);
        }
    }
}
