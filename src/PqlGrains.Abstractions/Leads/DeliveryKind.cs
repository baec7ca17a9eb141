namespace PqlGrains.Abstractions.Leads;

[GenerateSerializer]
public enum DeliveryKind : byte
{
    /// <summary>A task for the owner in every configured CRM.</summary>
    CreateTask = 0,

    /// <summary>An activity on the existing CRM record(s).</summary>
    AddNote = 1,

    /// <summary>Mark an earlier task done (the lead moved to someone else).</summary>
    CompleteTask = 2,

    /// <summary>A Slack (or built-in) alert.</summary>
    Alert = 3,

    /// <summary>A signed outbound webhook (nurture hand-off and lifecycle events).</summary>
    Webhook = 4,
}
