namespace PqlGrains.Silo.Configuration;

/// <summary>Cluster identity, endpoints and failure detection (<c>Pql:Cluster</c>).</summary>
public sealed class PqlClusterOptions
{
    /// <summary>Silos with the same cluster id form one cluster; change it to run a separate cluster on the same database.</summary>
    public string ClusterId { get; set; } = "pql";

    /// <summary>Keys durable state and reminders; keep it stable across deployments or state is orphaned.</summary>
    public string ServiceId { get; set; } = "pql";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP other silos use to reach this one. Unset: Orleans picks this host's first
    /// non-loopback address, which is the container IP under Docker.
    /// </summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>How long a liveness probe may take before it counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes after which a silo is suspected; with the default timeout a dead silo is evicted in seconds.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;
}
