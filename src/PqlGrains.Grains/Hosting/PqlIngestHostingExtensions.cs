using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Accounts;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Qualification;
using PqlGrains.Grains.Scoring;
using PqlGrains.Grains.Users;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Hosting;

public static class PqlIngestHostingExtensions
{
    /// <summary>
    /// The durable ingest pipeline inside a silo: <see cref="IEventIngestor"/>, ingest partitions,
    /// user and account grains. Needs an <see cref="IEventLog"/> (<see cref="AddPqlInMemoryEventLog"/>
    /// or the PostgreSQL one), grain storage named "pql" and, unless
    /// <c>Pql:Ingest:KeepAlivePeriod</c> is zero, a reminder service. With a durable log that records its
    /// partition count (<see cref="IEventLogLayout"/>), the silo refuses to start on a different count.
    /// </summary>
    public static ISiloBuilder AddPqlIngest(this ISiloBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.AddOptions<UserGrainOptions>().BindConfiguration(UserGrainOptions.SectionName).ValidateOnStart();
        services.AddOptions<AccountGrainOptions>().BindConfiguration(AccountGrainOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserGrainOptions>, UserGrainOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccountGrainOptions>, AccountGrainOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<TierChangeMetrics>();
        services.TryAddSingleton<TierChangePublisher>();
        services.TryAddSingleton<UserSettleSchedule>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITierChangeObserver, TierChangeFeedObserver>());
        services.TryAddSingleton<IEventIngestor, PartitionedEventIngestor>();
        services.TryAddSingleton(typeof(StringKeyedGrains<>));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, IngestLayoutCheck>();

        // The shipped default definition until a definition is loaded through the API or CLI.
        services.TryAddSingleton<IScoringModel>(new DefinitionScoringModel(PqlDefinition.Default));
        return builder;
    }

    /// <summary>Embedded mode's event log: in process memory, lost when the process stops.</summary>
    public static IServiceCollection AddPqlInMemoryEventLog(this IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryEventLog>();
        services.TryAddSingleton<IEventLog>(provider => provider.GetRequiredService<InMemoryEventLog>());
        return services;
    }
}
