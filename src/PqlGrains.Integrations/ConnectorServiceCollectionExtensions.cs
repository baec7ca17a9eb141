using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Integrations.BuiltIn;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Enrichment;
using PqlGrains.Integrations.HubSpot;
using PqlGrains.Integrations.Salesforce;
using PqlGrains.Integrations.Slack;
using PqlGrains.Integrations.Webhooks;
using PqlGrains.Routing.Enrichment;

namespace PqlGrains.Integrations;

/// <summary>Wires connectors from configuration: each one is on when its section has values.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds every configured connector (HubSpot, Salesforce, Slack, signed webhook), enrichment, and the built-in
    /// sink, which also stands in as the CRM and/or alert connector when none is configured.
    /// Consumers resolve <c>IEnumerable&lt;ICrmConnector&gt;</c>, <c>IEnumerable&lt;IAlertConnector&gt;</c>,
    /// <c>IEnumerable&lt;IWebhookConnector&gt;</c>, <see cref="BuiltInSink"/> and <see cref="LeadEnricher"/>.
    /// </summary>
    public static IServiceCollection AddPqlConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsConfigured(configuration, HubSpotOptions.Section))
        {
            services.AddHubSpotCrm(configuration);
        }

        if (IsConfigured(configuration, SalesforceOptions.Section))
        {
            services.AddSalesforceCrm(configuration);
        }

        if (IsConfigured(configuration, SlackOptions.Section))
        {
            services.AddSlackAlerts(configuration);
        }

        if (IsConfigured(configuration, SignedWebhookOptions.Section))
        {
            services.AddSignedWebhooks(configuration);
        }

        services.AddPqlEnrichment(configuration);
        return services.AddBuiltInSink(configuration);
    }

    public static IServiceCollection AddHubSpotCrm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubSpotOptions>().Bind(configuration.GetSection(HubSpotOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>());
        services.AddHttpClient<HubSpotCrmConnector>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<HubSpotOptions>>().Value;
                client.BaseAddress = Directory(options.BaseUrl);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
            })
            .AddConnectorResilience(provider => provider.GetRequiredService<IOptions<HubSpotOptions>>().Value.Timeout);
        services.AddTransient<ICrmConnector>(provider => provider.GetRequiredService<HubSpotCrmConnector>());
        return services;
    }

    public static IServiceCollection AddSalesforceCrm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesforceOptions>().Bind(configuration.GetSection(SalesforceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());
        services.AddHttpClient<SalesforceCrmConnector>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
                client.BaseAddress = Directory(options.InstanceUrl!);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
            })
            .AddConnectorResilience(provider => provider.GetRequiredService<IOptions<SalesforceOptions>>().Value.Timeout);
        services.AddTransient<ICrmConnector>(provider => provider.GetRequiredService<SalesforceCrmConnector>());
        return services;
    }

    public static IServiceCollection AddSlackAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.AddHttpClient<SlackAlertConnector>()
            .AddConnectorResilience(provider => provider.GetRequiredService<IOptions<SlackOptions>>().Value.Timeout);
        services.AddTransient<IAlertConnector>(provider => provider.GetRequiredService<SlackAlertConnector>());
        return services;
    }

    public static IServiceCollection AddSignedWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignedWebhookOptions>().Bind(configuration.GetSection(SignedWebhookOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignedWebhookOptions>, SignedWebhookOptionsValidator>());
        services.AddHttpClient<SignedWebhookConnector>()
            .AddConnectorResilience(provider => provider.GetRequiredService<IOptions<SignedWebhookOptions>>().Value.Timeout);
        services.AddTransient<IWebhookConnector>(provider => provider.GetRequiredService<SignedWebhookConnector>());
        return services;
    }

    /// <summary>
    /// The built-in sink, always resolvable for the leads API; registered as the CRM and/or alert connector only
    /// when no real one was added before this call.
    /// </summary>
    public static IServiceCollection AddBuiltInSink(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BuiltInSinkOptions>().Bind(configuration.GetSection(BuiltInSinkOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BuiltInSinkOptions>, BuiltInSinkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BuiltInSink>();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(ICrmConnector)))
        {
            services.AddSingleton<ICrmConnector>(provider => provider.GetRequiredService<BuiltInSink>());
        }

        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IAlertConnector)))
        {
            services.AddSingleton<IAlertConnector>(provider => provider.GetRequiredService<BuiltInSink>());
        }

        return services;
    }

    /// <summary>
    /// <see cref="LeadEnricher"/> over the configured firmographics file and HTTP provider (cached per domain).
    /// Group traits are always consulted first by the enricher itself.
    /// </summary>
    public static IServiceCollection AddPqlEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrichmentOptions>().Bind(configuration.GetSection(EnrichmentOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpFirmographicsProvider.ClientName)
            .AddConnectorResilience(provider => provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Http.Timeout);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            var providers = new List<IFirmographicsProvider>();
            if (options.FirmographicsFile is { Length: > 0 } file)
            {
                providers.Add(FileFirmographicsProvider.Load(file));
            }

            if (options.Http.UrlTemplate is { Length: > 0 })
            {
                var http = ActivatorUtilities.CreateInstance<HttpFirmographicsProvider>(provider);
                providers.Add(new CachedFirmographicsProvider(http, options.CacheSize, options.CacheTimeToLive, time));
            }

            return new LeadEnricher(providers);
        });
        return services;
    }

    private static bool IsConfigured(IConfiguration configuration, string section) =>
        configuration.GetSection(section).AsEnumerable(makePathsRelative: true).Any(pair => !string.IsNullOrWhiteSpace(pair.Value));

    // HttpClient resolves relative paths against the base address's last '/', so the base must end with one.
    private static Uri Directory(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
