using System.Security.Cryptography;
using System.Text;

namespace PqlGrains.Silo.Api;

/// <summary>The <c>Authorization: Bearer &lt;Pql:Api:AdminToken&gt;</c> check shared by the API filter and the metrics endpoint.</summary>
internal static class AdminTokenCheck
{
    private const string Scheme = "Bearer ";

    /// <summary>Null when the request carries the admin token; otherwise the 401 to answer, saying what to send.</summary>
    public static IResult? Refusal(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        if (presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return null;
        }

        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: presented.Length == 0 ? "Admin token required" : "Admin token not accepted",
            detail: "Send the value of Pql:Api:AdminToken as `Authorization: Bearer <token>` (embedded default: dev-admin-token).");
    }
}
