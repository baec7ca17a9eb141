namespace PqlGrains.Abstractions.Leads;

/// <summary>A rep's verdict on a lead, kept for calibration.</summary>
[GenerateSerializer]
public enum LeadFeedbackKind : byte
{
    Good = 0,

    /// <summary>Real interest but not yet: closes the lead and starts the re-alert cooldown.</summary>
    TooEarly = 1,

    /// <summary>Will never buy: closes the lead as disqualified.</summary>
    NotAFit = 2,
}
