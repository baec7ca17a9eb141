using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PqlGrains.Grains.Privacy;

namespace PqlGrains.Grains.Hosting;

public static class PqlPrivacyHostingExtensions
{
    /// <summary>
    /// Event retention (<c>Pql:Privacy</c>): a cluster-wide reminder deletes events older than
    /// <c>Pql:Privacy:EventRetention</c> from the event log. Needs <see cref="PqlIngestHostingExtensions.AddPqlIngest"/>
    /// and a reminder service. Erasure (<see cref="Abstractions.Privacy.IErasureGrain"/>) needs nothing more.
    /// </summary>
    public static ISiloBuilder AddPqlPrivacy(this ISiloBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, EventRetentionStarter>();
        return builder;
    }
}
