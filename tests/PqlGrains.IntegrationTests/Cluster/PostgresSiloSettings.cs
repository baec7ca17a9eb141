namespace PqlGrains.IntegrationTests.Cluster;

/// <summary>
/// Environment for a silo process on the test database. Failover takes seconds with the shipped probe settings
/// (two missed probes of 2 s); shorter ones let a healthy silo that stalls for one probe (JIT at start-up on a
/// loaded machine) be declared dead.
/// </summary>
internal static class PostgresSiloSettings
{
    public static Dictionary<string, string> For(string connectionString, string clusterId) => new()
    {
        ["Pql__Storage"] = "Postgres",
        ["ConnectionStrings__Pql"] = connectionString,
        ["Pql__Cluster__ClusterId"] = clusterId,
        ["Pql__Cluster__ServiceId"] = clusterId,
        ["Pql__Reminders__MinimumPeriod"] = "00:00:01",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
