namespace PqlGrains.Abstractions.Leads;

/// <summary>Where a lead is in its lifecycle: Open -> Assigned -> Contacted -> Converted / Disqualified / Expired.</summary>
[GenerateSerializer]
public enum LeadStatus : byte
{
    /// <summary>Qualified but nobody owns it yet (nurture, sales-led note, overflow queue).</summary>
    Open = 0,

    /// <summary>A rep (or, after escalation, the manager) owns it and the SLA clock runs.</summary>
    Assigned = 1,

    /// <summary>The owner reached out; the SLA is met.</summary>
    Contacted = 2,

    Converted = 3,
    Disqualified = 4,
    Expired = 5,
}
