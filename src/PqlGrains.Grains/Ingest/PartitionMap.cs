namespace PqlGrains.Grains.Ingest;

/// <summary>Which ingest partition a user belongs to: stable across processes and machines.</summary>
public static class PartitionMap
{
    /// <summary>FNV-1a over the UTF-16 code units; string.GetHashCode is randomised per process.</summary>
    public static int PartitionOf(string userId, int partitions)
    {
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }
}
