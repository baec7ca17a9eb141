namespace PqlGrains.Routing.Assignment;

public enum AssignmentOutcome
{
    /// <summary>A rep was picked.</summary>
    Assigned,

    /// <summary>Nobody was eligible: the lead goes to the pool's overflow queue and the manager is alerted.</summary>
    Overflow,
}
