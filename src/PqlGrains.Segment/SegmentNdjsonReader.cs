using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// Reads files of Segment messages, one JSON object per line (a Segment export, or a
/// <c>{"batch":[...]}</c> object per line), for <c>pql score</c> and backtests. Messages are
/// validated as the gateway validates them, except that there is no receipt time: each message
/// needs its own timestamp, originalTimestamp or receivedAt. Blank lines are skipped; a bad line
/// is reported with its number and never stops the rest. Decompress gzip files before calling.
/// </summary>
public static class SegmentNdjsonReader
{
    private const int ChunkBytes = 64 * 1024;

    public static async IAsyncEnumerable<SegmentFileRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var filled = 0;
        var line = 0;
        var records = new List<SegmentFileRecord>();
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                var atEnd = read == 0;
                filled += read;
                var consumed = ReadCompleteLines(buffer.AsMemory(0, filled), atEnd, ref line, records);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                foreach (var record in records)
                {
                    yield return record;
                }

                records.Clear();
                if (atEnd)
                {
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadCompleteLines(ReadOnlyMemory<byte> data, bool atEnd, ref int line, List<SegmentFileRecord> records)
    {
        var consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            var newline = rest.Span.IndexOf((byte)'\n');
            if (newline < 0 && !atEnd)
            {
                break;
            }

            var length = newline < 0 ? rest.Length : newline;
            line++;
            ReadLine(rest[..length], line, records);
            consumed += newline < 0 ? rest.Length : newline + 1;
        }

        return consumed;
    }

    private static void ReadLine(ReadOnlyMemory<byte> text, int line, List<SegmentFileRecord> records)
    {
        if (text.Span.Trim(" \t\r"u8).IsEmpty)
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = SegmentPayloadParser.ParseDocument(text);
        }
        catch (SegmentPayloadException exception)
        {
            records.Add(Rejected(line, null, $"line {line}: {exception.Message}"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("batch"u8, out var batch) && batch.ValueKind == JsonValueKind.Array)
            {
                var envelope = SegmentPayloadParser.BatchEnvelope(root, receivedAt: null);
                foreach (var message in batch.EnumerateArray())
                {
                    records.Add(Read(message, line, in envelope));
                }
            }
            else
            {
                var envelope = new SegmentEnvelope(default, null, null, null);
                records.Add(Read(root, line, in envelope));
            }
        }
    }

    private static SegmentFileRecord Read(JsonElement message, int line, in SegmentEnvelope envelope)
    {
        var normalised = SegmentMessageReader.Read(message, SegmentEndpoint.Batch, in envelope, out var messageId, out var error);
        return normalised is null ? Rejected(line, messageId, $"line {line}: {error}") : new SegmentFileRecord(line, normalised, null);
    }

    private static SegmentFileRecord Rejected(int line, string? messageId, string error) =>
        new(line, null, new SegmentRejection(line, messageId, error));
}
