using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>Builds the production wiring (<c>AddPqlConnectors</c>) from in-memory configuration.</summary>
internal static class Connectors
{
    public static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPqlConnectors(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
