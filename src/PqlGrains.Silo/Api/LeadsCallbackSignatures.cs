using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PqlGrains.Silo.Api;

/// <summary>
/// Signature checks for CRM callbacks. HubSpot webhook v3: base64(HMAC-SHA256(app secret, method + uri + body +
/// timestamp)) in X-HubSpot-Signature-v3 with X-HubSpot-Request-Timestamp (ms). Salesforce (our scheme, for an Apex
/// trigger or Flow): <c>X-Pql-Signature: v1=</c> + hex(HMAC-SHA256(secret, timestamp + "." + body)) with
/// X-Pql-Timestamp (Unix seconds).
/// </summary>
public static class LeadsCallbackSignatures
{
    public static string HubSpotV3(string secret, string method, string uri, string body, string timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(method + uri + body + timestamp)));

    public static string Salesforce(string secret, string timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    /// <summary>Null when fresh; otherwise why the timestamp is refused.</summary>
    public static string? Stale(string? timestamp, bool milliseconds, DateTimeOffset now, TimeSpan maxAge)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return "the request timestamp header is missing or not a number";
        }

        var at = milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        return (now - at).Duration() > maxAge ? $"the request timestamp {at:O} is more than {maxAge} from now (replay or clock skew)" : null;
    }
}
