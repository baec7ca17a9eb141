namespace PqlGrains.Scoring.Definitions;

/// <summary>How a signal's points fade with time.</summary>
public enum DecayMode : byte
{
    /// <summary>Whole days between the event's day and the evaluation day (definition time zone); same-day events add up in full.</summary>
    Daily = 0,

    /// <summary>Exact elapsed time between the event and the evaluation instant.</summary>
    Continuous = 1,
}
