using System.Buffers;
using System.IO.Compression;
using PqlGrains.Segment;

namespace PqlGrains.Silo.Gateway;

/// <summary>
/// Reads a tracking request body into a pooled buffer, decompressing per Content-Encoding
/// (whatever Content-Type claims: the RudderStack SDK labels gzip JSON as form data) and
/// stopping as soon as the uncompressed size passes the endpoint's limit.
/// </summary>
internal static class RequestBodyReader
{
    private const int InitialBytes = 16 * 1024;

    public static async Task<PooledBody> ReadAsync(HttpRequest request, SegmentEndpoint endpoint, CancellationToken cancellationToken)
    {
        var limit = SegmentLimits.MaxBodyBytes(endpoint);
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var compressed = encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase);
        if (!compressed && request.ContentLength > limit)
        {
            throw TooLarge(endpoint, request.ContentLength.Value);
        }

        await using var decoder = Decode(request.Body, encoding);
        var source = decoder ?? request.Body;
        var buffer = ArrayPool<byte>.Shared.Rent(compressed ? InitialBytes : (int)Math.Min(request.ContentLength ?? InitialBytes, limit) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return new PooledBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw TooLarge(endpoint, length);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new GatewayRequestException(StatusCodes.Status400BadRequest,
                $"the body is labelled 'Content-Encoding: {encoding}' but is not valid {encoding} data: compress the whole JSON body, or drop the header for plain JSON.", exception);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The decompressing stream over the body, or null when the body is not compressed.</summary>
    private static Stream? Decode(Stream body, string encoding)
    {
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
        {
            return new GZipStream(body, CompressionMode.Decompress, leaveOpen: true);
        }

        if (encoding.Equals("deflate", StringComparison.OrdinalIgnoreCase))
        {
            return new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true);
        }

        if (encoding.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            return new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true);
        }

        throw new GatewayRequestException(StatusCodes.Status415UnsupportedMediaType,
            $"'Content-Encoding: {encoding}' is not supported: send plain JSON, or gzip, deflate or br.");
    }

    private static GatewayRequestException TooLarge(SegmentEndpoint endpoint, long length) =>
        new(StatusCodes.Status413PayloadTooLarge, SegmentLimits.Exceeded(endpoint, length));
}
