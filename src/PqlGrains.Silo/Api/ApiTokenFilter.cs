using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Api;

/// <summary>Requires <c>Authorization: Bearer &lt;Pql:Api:AdminToken&gt;</c>.</summary>
internal sealed class ApiTokenFilter(IOptions<PqlApiOptions> options) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        var expected = options.Value.AdminToken;
        if (presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: presented.Length == 0 ? "Admin token required" : "Admin token not accepted",
            detail: "Send the value of Pql:Api:AdminToken as `Authorization: Bearer <token>` (embedded default: dev-admin-token)."));
    }
}
