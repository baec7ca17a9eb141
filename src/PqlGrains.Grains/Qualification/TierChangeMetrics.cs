using System.Diagnostics.Metrics;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Grains.Qualification;

/// <summary>Tier changes handed to the observers (the leads work), by subject kind.</summary>
public sealed class TierChangeMetrics
{
    private static readonly KeyValuePair<string, object?> UserTag = new("subject", "user");
    private static readonly KeyValuePair<string, object?> AccountTag = new("subject", "account");
    private readonly Counter<long> _published;

    public TierChangeMetrics(IMeterFactory meters)
    {
        _published = meters.Create(PqlMeter.Name)
            .CreateCounter<long>("pql.tier_changes.published", "{change}", "Tier changes of users and accounts published to the tier-change observers.");
    }

    public void Published(SubjectKind kind) => _published.Add(1, kind == SubjectKind.Account ? AccountTag : UserTag);
}
