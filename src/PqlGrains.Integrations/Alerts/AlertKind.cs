namespace PqlGrains.Integrations.Alerts;

public enum AlertKind
{
    /// <summary>A lead was opened and assigned.</summary>
    NewLead,

    /// <summary>The SLA was missed and the lead moved to another rep.</summary>
    Requeued,

    /// <summary>Repeated SLA misses: the manager takes over.</summary>
    Escalated,

    /// <summary>Nobody in the pool was eligible: the lead waits in the overflow queue.</summary>
    Overflow,
}
