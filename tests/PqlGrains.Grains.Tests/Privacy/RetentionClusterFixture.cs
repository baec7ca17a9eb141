using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Privacy;
using PqlGrains.Grains.Tests.Infrastructure;

namespace PqlGrains.Grains.Tests.Privacy;

/// <summary>The ingest cluster with event retention and a wall clock the tests move forward (never back).</summary>
public sealed class RetentionClusterFixture : IngestClusterFixture
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    internal ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddPqlPrivacy();
        silo.Services.Configure<PrivacyOptions>(options =>
        {
            options.EventRetention = Retention;
            options.RetentionBatchSize = 2;
        });
        silo.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
    }
}
