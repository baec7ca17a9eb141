namespace PqlGrains.Silo.Gateway;

/// <summary>Options of the Segment-compatible tracking API, bound from <c>Pql:Gateway</c>.</summary>
public sealed class SegmentGatewayOptions
{
    public const string SectionName = "Pql:Gateway";

    /// <summary>The development key accepted when no keys are configured; it is announced at start.</summary>
    public const string DevelopmentWriteKey = "dev-write-key";

    /// <summary>Accepted write keys (<c>Pql:Gateway:WriteKeys:0</c>, ...). Empty means only <see cref="DevelopmentWriteKey"/>.</summary>
    public List<string> WriteKeys { get; set; } = [];

    /// <summary>The keys actually accepted: the configured ones, or the development key when none are configured.</summary>
    public IReadOnlyList<string> EffectiveWriteKeys => WriteKeys.Count == 0 ? [DevelopmentWriteKey] : WriteKeys;
}
