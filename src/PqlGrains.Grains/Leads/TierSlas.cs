using Microsoft.Extensions.Options;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// The first-contact SLA of a tier. Precedence: <c>Pql:Leads:TierSla:&lt;tier&gt;</c> (an operator override), then the
/// active definition's tier <c>sla</c>, then <c>Pql:Leads:DefaultSla</c> (a tier with <c>sla: none</c> or unknown).
/// </summary>
public sealed class TierSlas(IOptions<LeadOptions> options, IScoringModel? model = null)
{
    // A host without the ingest wiring (leads fed by another producer) has no scoring model: overrides and the default apply.
    private readonly IScoringModel? _model = model;
    private readonly LeadOptions _options = options.Value;

    public TimeSpan For(string tier)
    {
        if (_options.TierSla.TryGetValue(tier, out var overridden))
        {
            return overridden;
        }

        var defined = _model?.Tiers.FirstOrDefault(candidate => string.Equals(candidate.Name, tier, StringComparison.OrdinalIgnoreCase));
        return defined?.ResponseSla is { } sla && sla > TimeSpan.Zero ? sla : _options.DefaultSla;
    }
}
