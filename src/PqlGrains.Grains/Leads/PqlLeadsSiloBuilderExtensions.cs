using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Delivery;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Routing;
using PqlGrains.Integrations;

namespace PqlGrains.Grains.Leads;

public static class PqlLeadsSiloBuilderExtensions
{
    /// <summary>
    /// Leads inside a silo: lead, pool, routing, outbox and registry grains, the tier-change observer that feeds
    /// them, the connectors configured under <c>Pql:Crm</c>, <c>Pql:Alerts</c>, <c>Pql:Webhooks</c> (built-in sink
    /// otherwise) and enrichment. Options: <c>Pql:Leads</c>, <c>Pql:Routing</c>, <c>Pql:Outbox</c>. Needs grain storage
    /// "pql" and a reminder service.
    /// </summary>
    public static ISiloBuilder AddPqlLeads(this ISiloBuilder builder, IConfiguration configuration)
    {
        var services = builder.Services;
        // Leads, their outboxes, pools and briefs call GetGrain many times per lead.
        services.AddGrainInterfaceTypeCache();
        services.AddOptions<LeadOptions>().Bind(configuration.GetSection(LeadOptions.SectionName)).ValidateOnStart();
        services.AddOptions<LeadRegistryOptions>().Bind(configuration.GetSection(LeadRegistryOptions.SectionName))
            .Validate(
                registry => registry.ClosedLeads >= 0 && registry.DeadLetters >= 0 && registry.Conversions >= 0 && registry.WriteSpacing >= TimeSpan.Zero,
                "Pql:Leads:Registry: ClosedLeads, DeadLetters and Conversions must be zero or more, and WriteSpacing a non-negative duration such as 00:00:00.250.")
            .ValidateOnStart();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadOptions>, LeadOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RoutingSnapshots>();
        services.TryAddSingleton<LeadContextBuilder>();
        services.TryAddSingleton<TierSlas>();
        services.TryAddSingleton<DeliveryDispatcher>();
        services.AddMetrics();
        services.TryAddSingleton<LeadMetrics>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITierChangeObserver, LeadTierChangeObserver>());
        services.AddPqlConnectors(configuration);
        return builder;
    }
}
