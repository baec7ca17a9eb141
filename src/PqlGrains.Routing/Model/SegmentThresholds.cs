namespace PqlGrains.Routing.Model;

/// <summary>Enterprise when employees reach <see cref="EnterpriseMinEmployees"/> or estimated ARR exceeds <see cref="EnterpriseArrAbove"/>.</summary>
public sealed record SegmentThresholds(int EnterpriseMinEmployees, decimal EnterpriseArrAbove)
{
    /// <summary>The playbook default: 50+ employees or estimated ARR above $50K.</summary>
    public static SegmentThresholds Default { get; } = new(50, 50_000m);
}
