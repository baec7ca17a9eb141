namespace PqlGrains.Silo.Configuration;

/// <summary>The host's settings, bound from the <c>Pql</c> configuration section (env: <c>Pql__…</c>).</summary>
public sealed class PqlOptions
{
    public const string SectionName = "Pql";

    /// <summary><c>Pql:Storage</c>: <see cref="PqlStorageMode.Memory"/> (default) or <see cref="PqlStorageMode.Postgres"/>.</summary>
    public PqlStorageMode Storage { get; set; } = PqlStorageMode.Memory;

    /// <summary><c>ConnectionStrings:Pql</c>; required in Postgres mode.</summary>
    public string? ConnectionString { get; set; }

    public PqlClusterOptions Cluster { get; set; } = new();

    public PqlGatewayOptions Gateway { get; set; } = new();

    public PqlDatabaseOptions Database { get; set; } = new();

    public PqlReminderOptions Reminders { get; set; } = new();

}
