using System.Buffers;
using System.Buffers.Text;
using System.Collections.Frozen;
using System.Text;
using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Gateway;

/// <summary>
/// Checks the write key a request carries: HTTP Basic with the key as user name and an empty
/// password (what Segment and RudderStack SDKs send), or <c>writeKey</c> in the body.
/// </summary>
internal sealed class WriteKeyAuthenticator
{
    private readonly FrozenSet<string> _keys;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WriteKeyAuthenticator(IOptions<SegmentGatewayOptions> options)
    {
        _keys = options.Value.EffectiveWriteKeys.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsKnown(string? writeKey) => writeKey is not null && _keys.Contains(writeKey);

    /// <summary>Validates an Authorization header; the error says what is wrong and how to fix it.</summary>
    public bool TryAuthenticateHeader(string header, out string? error)
    {
        const string scheme = "Basic ";
        error = null;
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = "the Authorization header is not HTTP Basic: send 'Authorization: Basic base64(<writeKey>:)' (the write key as user name, empty password), or put \"writeKey\" in the JSON body.";
            return false;
        }

        var encoded = header.AsSpan(scheme.Length).Trim();
        var decoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(encoded.Length) + 4);
        var chars = ArrayPool<char>.Shared.Rent(decoded.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, decoded, out var length))
            {
                error = "the HTTP Basic credentials are not valid base64: encode '<writeKey>:' (note the colon) with base64.";
                return false;
            }

            var charCount = Encoding.UTF8.GetChars(decoded.AsSpan(0, length), chars);
            var credentials = chars.AsSpan(0, charCount);
            var colon = credentials.IndexOf(':');

            // Segment tolerates a key encoded without the colon; so do we.
            var user = colon < 0 ? credentials : credentials[..colon];
            if (_lookup.Contains(user))
            {
                return true;
            }

            error = UnknownKey;
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    public const string MissingKey =
        "no write key: send it as the HTTP Basic user name with an empty password ('Authorization: Basic base64(<writeKey>:)'), or as \"writeKey\" in the JSON body. Keys are configured in Pql:Gateway:WriteKeys (the embedded default is 'dev-write-key').";

    public const string UnknownKey =
        "unknown write key: use one of the keys configured in Pql:Gateway:WriteKeys (the embedded default is 'dev-write-key'), or add this key there and restart.";
}
