namespace PqlGrains.Silo.Configuration;

/// <summary>The HTTP gateway role (<c>Pql:Gateway</c>).</summary>
public sealed class PqlGatewayOptions
{
    /// <summary>
    /// Whether this silo serves the public HTTP API (tracking, admin). Worker silos set it to
    /// false and serve only /healthz and /readyz.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
