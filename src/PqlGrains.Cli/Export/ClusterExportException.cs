namespace PqlGrains.Cli.Export;

/// <summary>The export could not read what it needs from the cluster; the message says what to fix.</summary>
internal sealed class ClusterExportException : Exception
{
    public ClusterExportException(string message)
        : base(message)
    {
    }

    public ClusterExportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
