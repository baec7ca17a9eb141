namespace PqlGrains.Grains.Hosting;

/// <summary>
/// The meter every PqlGrains instrument belongs to. The instruments live in one small class per area
/// (<c>IngestMetrics</c>, <c>TierChangeMetrics</c>, <c>LeadMetrics</c>, <c>DeliveryMetrics</c>, the gateway's
/// <c>GatewayMetrics</c>), each created from the host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>,
/// so an exporter subscribes to all of them by this one name.
/// </summary>
public static class PqlMeter
{
    public const string Name = "PqlGrains";
}
