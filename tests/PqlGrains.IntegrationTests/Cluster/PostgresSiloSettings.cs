namespace PqlGrains.IntegrationTests.Cluster;

/// <summary>Environment for a silo process on the test database, tuned so failover takes seconds.</summary>
internal static class PostgresSiloSettings
{
    public static Dictionary<string, string> For(string connectionString, string clusterId) => new()
    {
        ["Pql__Storage"] = "Postgres",
        ["ConnectionStrings__Pql"] = connectionString,
        ["Pql__Cluster__ClusterId"] = clusterId,
        ["Pql__Cluster__ServiceId"] = clusterId,
        ["Pql__Cluster__ProbeTimeout"] = "00:00:01",
        ["Pql__Cluster__NumMissedProbesLimit"] = "2",
        ["Pql__Reminders__MinimumPeriod"] = "00:00:01",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
