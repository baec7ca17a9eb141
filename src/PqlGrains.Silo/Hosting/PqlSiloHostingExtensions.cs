using Microsoft.Extensions.Options;
using Npgsql;
using PqlGrains.Postgres.Connections;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Configuration;
using PqlGrains.Silo.Gateway;
using PqlGrains.Silo.Health;
using PqlGrains.Silo.Metrics;

namespace PqlGrains.Silo.Hosting;

/// <summary>Wires the PqlGrains silo (Orleans + ASP.NET Core) into a web application.</summary>
public static class PqlSiloHostingExtensions
{
    private const string DefaultUrl = "http://localhost:8080";

    /// <summary>
    /// Adds the Orleans silo configured from the <c>Pql</c> section (storage mode, cluster,
    /// reminders), the schema check or migration in Postgres mode, the health checks and the metrics (<c>Pql:Metrics</c>).
    /// <paramref name="configureSilo"/> runs last, for callers adding their own silo services.
    /// </summary>
    /// <exception cref="OptionsValidationException">The configuration cannot work; the message names the key and the fix.</exception>
    public static WebApplicationBuilder AddPqlSilo(this WebApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddSingleton<IValidateOptions<PqlOptions>, PqlOptionsValidator>();
        services.AddOptions<PqlOptions>()
            .Bind(configuration.GetSection(PqlOptions.SectionName))
            .PostConfigure(options => options.ConnectionString ??= configuration.GetConnectionString("Pql"))
            .ValidateOnStart();

        // The storage mode decides which providers exist, so it is needed now, not at start:
        // validate eagerly and fail before anything is half-wired.
        var options = ReadValidated(configuration);

        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        services.AddPqlScoreReads();
        services.AddSegmentGateway(configuration);
        services.AddPqlMetrics(configuration);
        var health = services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [PqlHealthEndpoints.ReadyTag]);

        if (options.Storage == PqlStorageMode.Postgres)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(options.ConnectionString!)));
            // Registered before the silo so it runs before the silo joins the cluster.
            services.AddHostedService<PqlSchemaBootstrap>();
            health.AddCheck<DatabaseHealthCheck>("database", tags: [PqlHealthEndpoints.ReadyTag]);
        }
        else
        {
            services.AddHostedService<MemoryModeBanner>();
        }

        builder.UseOrleans(silo =>
        {
            OrleansSiloConfiguration.Apply(silo, options);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }

    /// <summary>Whether this process serves the public HTTP API (<c>Pql:Gateway:Enabled</c>).</summary>
    public static bool IsPqlGateway(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<PqlOptions>>().Value.Gateway.Enabled;

    private static PqlOptions ReadValidated(IConfiguration configuration)
    {
        var options = new PqlOptions();
        configuration.GetSection(PqlOptions.SectionName).Bind(options);
        options.ConnectionString ??= configuration.GetConnectionString("Pql");
        var result = new PqlOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PqlOptions), result.Failures);
        }

        return options;
    }
}
