using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Api;

/// <summary>Requires <c>Authorization: Bearer &lt;Pql:Api:AdminToken&gt;</c>.</summary>
internal sealed class ApiTokenFilter(IOptions<PqlApiOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        AdminTokenCheck.Refusal(context.HttpContext.Request, options.Value.AdminToken) is { } refusal
            ? ValueTask.FromResult<object?>(refusal)
            : next(context);
}
