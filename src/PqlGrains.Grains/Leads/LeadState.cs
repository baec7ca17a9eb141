using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Leads;

[GenerateSerializer]
public sealed class LeadState
{
    /// <summary>Recent leads, oldest first; at most the last one is open.</summary>
    [Id(0)] public List<Lead> Leads { get; set; } = [];

    /// <summary>Number of the last lead opened (lead ids end in it).</summary>
    [Id(1)] public int Sequence { get; set; }

    /// <summary>Number of the last outbox item issued (item ids end in it).</summary>
    [Id(2)] public int ItemSequence { get; set; }

    /// <summary>Tier changes accepted but not yet applied, in arrival order.</summary>
    [Id(3)] public List<TierChanged> Pending { get; set; } = [];

    /// <summary>Per publishing subject (kind:id), the last applied (tier|definition version): redeliveries are dropped.</summary>
    [Id(4)] public Dictionary<string, string> LastApplied { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set when a lead closed as too early: no re-alert before this instant...</summary>
    [Id(5)] public DateTimeOffset? CooldownUntil { get; set; }

    /// <summary>...unless the score beats this one by the configured margin.</summary>
    [Id(6)] public double CooldownScore { get; set; }

    [Id(7)] public CrmLinks Links { get; set; } = CrmLinks.None;

    /// <summary>Qualifications the cooldown held back, for calibration.</summary>
    [Id(8)] public int SuppressedByCooldown { get; set; }
}
