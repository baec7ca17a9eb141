namespace PqlGrains.Routing.Model;

public enum RuleActionKind
{
    /// <summary>Assign a rep from a pool and open a CRM task.</summary>
    AssignFromPool,

    /// <summary>Hand to lifecycle marketing; no rep, no task.</summary>
    Nurture,

    /// <summary>Log the activity on the account's existing CRM record instead of opening a task.</summary>
    LogOnExistingRecord,
}
