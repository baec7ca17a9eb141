using System.Security.Cryptography;
using System.Text;

namespace PqlGrains.Silo.Api;

/// <summary>Who the definitions audit names for a request.</summary>
internal static class DefinitionActor
{
    public const string Header = "X-Pql-Actor";
    private const int MaxLength = 200;
    private const string Scheme = "Bearer ";

    /// <summary>
    /// The <c>X-Pql-Actor</c> header when sent, else an authenticated user's name, else the bearer token's
    /// fingerprint (first 12 hex digits of its SHA-256): tokens stay apart in the audit without being stored.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var declared = context.Request.Headers[Header].ToString().Trim();
        if (declared.Length > 0)
        {
            return declared.Length > MaxLength ? declared[..MaxLength] : declared;
        }

        if (context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        return token.Length == 0 ? "anonymous" : "bearer:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
    }
}
