using System.Diagnostics.Metrics;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Grains.Qualification;

/// <summary>Tier changes taken by the observers (the leads work), by subject kind.</summary>
public sealed class TierChangeMetrics
{
    private static readonly KeyValuePair<string, object?> UserTag = new("subject", "user");
    private static readonly KeyValuePair<string, object?> AccountTag = new("subject", "account");
    private readonly Counter<long> _published;

    public TierChangeMetrics(IMeterFactory meters)
    {
        _published = meters.Create(PqlMeter.Name)
            .CreateCounter<long>("pql.tier_changes.published", "{change}", "Tier changes of users and accounts taken by every tier-change observer (a refused change counts when a later publish succeeds).");
    }

    public void Published(SubjectKind kind) => _published.Add(1, kind == SubjectKind.Account ? AccountTag : UserTag);
}
