using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PqlGrains.Silo.Configuration;

namespace PqlGrains.Silo.Admin;

/// <summary>Requires <c>Authorization: Bearer &lt;Pql:Admin:Token&gt;</c> when a token is configured.</summary>
internal sealed class AdminTokenFilter(IOptions<PqlOptions> options) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Admin.Token;
        if (string.IsNullOrEmpty(expected))
        {
            return next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin token required",
            detail: "Send the value of Pql:Admin:Token as `Authorization: Bearer <token>`."));
    }
}
