namespace PqlGrains.Integrations.BuiltIn;

/// <summary>Bound from <c>Pql:Sink</c>.</summary>
public sealed class BuiltInSinkOptions
{
    public const string Section = "Pql:Sink";

    /// <summary>How many recent entries stay in memory for the leads API; older ones are dropped (they are in the log).</summary>
    public int Capacity { get; set; } = 10_000;
}
