using System.Net;
using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Configuration;

/// <summary>Rejects settings the host cannot run with, naming the key and the fix.</summary>
internal sealed class PqlOptionsValidator : IValidateOptions<PqlOptions>
{
    public ValidateOptionsResult Validate(string? name, PqlOptions options)
    {
        var failures = new List<string>();
        if (options.Storage == PqlStorageMode.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Pql:Storage is Postgres but ConnectionStrings:Pql is empty: set ConnectionStrings__Pql to an Npgsql connection string, e.g. \"Host=db;Username=pql;Password=…;Database=pql\".");
        }

        if (!Enum.IsDefined(options.Database.GrainStorage))
        {
            failures.Add($"Pql:Database:GrainStorage '{options.Database.GrainStorage}' is not a grain storage: use Batched (the default) or AdoNet.");
        }

        var cluster = options.Cluster;
        if (string.IsNullOrWhiteSpace(cluster.ClusterId))
        {
            failures.Add("Pql:Cluster:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(cluster.ServiceId))
        {
            failures.Add("Pql:Cluster:ServiceId must not be empty.");
        }

        CheckPort(failures, "Pql:Cluster:SiloPort", cluster.SiloPort);
        CheckPort(failures, "Pql:Cluster:GatewayPort", cluster.GatewayPort);
        if (cluster.SiloPort == cluster.GatewayPort)
        {
            failures.Add($"Pql:Cluster:SiloPort and Pql:Cluster:GatewayPort are both {cluster.SiloPort}: give them different ports.");
        }

        if (cluster.AdvertisedIP is { Length: > 0 } ip && !IPAddress.TryParse(ip, out _))
        {
            failures.Add($"Pql:Cluster:AdvertisedIP '{ip}' is not an IP address: use e.g. 10.0.0.5, or leave it unset to use this host's address.");
        }

        if (cluster.ProbeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Pql:Cluster:ProbeTimeout must be positive (e.g. 00:00:02), not {cluster.ProbeTimeout}.");
        }

        if (cluster.NumMissedProbesLimit < 1)
        {
            failures.Add($"Pql:Cluster:NumMissedProbesLimit must be at least 1, not {cluster.NumMissedProbesLimit}.");
        }

        if (options.Reminders.MinimumPeriod <= TimeSpan.Zero)
        {
            failures.Add($"Pql:Reminders:MinimumPeriod must be positive (e.g. 00:01:00), not {options.Reminders.MinimumPeriod}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPort(List<string> failures, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{key} must be a TCP port between 1 and 65535, not {port}.");
        }
    }
}
