using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the demo feed; it only plays when <c>Pql:Demo:Enabled</c> is true.</summary>
    public static IServiceCollection AddPqlDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName)).ValidateOnStart();
        if (configuration.GetValue<bool>($"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}"))
        {
            services.TryAddSingleton(TimeProvider.System);
            services.AddHostedService<DemoFeed>();
        }

        return services;
    }
}
