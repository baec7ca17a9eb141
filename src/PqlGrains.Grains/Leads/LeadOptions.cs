using PqlGrains.Routing.Model;

namespace PqlGrains.Grains.Leads;

/// <summary>Bound from <c>Pql:Leads</c>.</summary>
public sealed class LeadOptions
{
    public const string SectionName = "Pql:Leads";

    /// <summary>Tier names from lowest to highest, comma separated; a higher tier while open is a re-qualification.</summary>
    public string TierOrder { get; set; } = "warm,hot,sales_ready";

    /// <summary>First-contact SLA overrides per tier; they win over the active definition's tier <c>sla</c> (see <see cref="TierSlas"/>).</summary>
    public Dictionary<string, TimeSpan> TierSla { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SLA of a tier neither overridden nor given one by the definition (the default definition's warm has <c>sla: none</c>).</summary>
    public TimeSpan DefaultSla { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Tasks for SLAs at or under this are high priority.</summary>
    public TimeSpan HighPriorityWithin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The buying motion when nothing else decides it.</summary>
    public LeadMotion DefaultMotion { get; set; } = LeadMotion.SalesAssist;

    /// <summary>Motion per plan trait (e.g. free: SelfServe, enterprise_trial: SalesLed).</summary>
    public Dictionary<string, LeadMotion> MotionByPlan { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>After a lead closes as too early, no new lead opens for this long...</summary>
    public TimeSpan TooEarlyCooldown { get; set; } = TimeSpan.FromDays(30);

    /// <summary>...unless the score rises at least this much above the score at closing.</summary>
    public double CooldownScoreMargin { get; set; } = 20;

    /// <summary>SLA misses after which the manager takes the lead instead of another rep.</summary>
    public int EscalateAfterMisses { get; set; } = 2;

    /// <summary>Reminder period backing the SLA deadline (at least Pql:Reminders:MinimumPeriod).</summary>
    public TimeSpan SlaCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a tier change whose application failed (routing, pool, outbox or storage unavailable) waits before the
    /// next attempt; it stays queued, and the grain active, until it applies.
    /// </summary>
    public TimeSpan PendingRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a lead waits in an overflow queue before its pool is tried again.</summary>
    public TimeSpan OverflowRetry { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An open lead nobody converts or closes expires this long after it opened.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Base of the lead links in tasks and alerts (this API as reps reach it).</summary>
    public Uri ApiBaseUrl { get; set; } = new("http://localhost:8080/");

    /// <summary>Closed leads kept per subject; activities kept per lead.</summary>
    public int HistoryLimit { get; set; } = 20;

    public int ActivityLimit { get; set; } = 200;

    public IReadOnlyList<string> Tiers => TierOrder.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Position of the tier in <see cref="TierOrder"/>; unknown tiers rank lowest.</summary>
    public int Rank(string? tier)
    {
        if (tier is null)
        {
            return -1;
        }

        var tiers = Tiers;
        for (var index = 0; index < tiers.Count; index++)
        {
            if (string.Equals(tiers[index], tier, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return 0;
    }
}
