using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// One lead: its lifecycle, owner, SLA, context and history. The lead grain keeps it as state and hands out copies.
/// </summary>
[GenerateSerializer]
public sealed class Lead
{
    [Id(0)] public string LeadId { get; set; } = string.Empty;

    /// <summary>The lead grain key (<c>account:{id}</c> or <c>user:{id}</c>).</summary>
    [Id(1)] public string Subject { get; set; } = string.Empty;

    [Id(2)] public LeadStatus Status { get; set; }

    [Id(3)] public string Tier { get; set; } = string.Empty;

    [Id(4)] public double Score { get; set; }

    /// <summary>The scoring definition version that produced the lead.</summary>
    [Id(5)] public string DefinitionVersion { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset OpenedAt { get; set; }

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Motion the lead was routed under: self_serve, sales_assist or sales_led.</summary>
    [Id(8)] public string Motion { get; set; } = string.Empty;

    /// <summary>nurture, assign, log_on_record or none.</summary>
    [Id(9)] public string Route { get; set; } = string.Empty;

    /// <summary>The routing rule decision and the pool's assignment decision, in words.</summary>
    [Id(10)] public string RouteExplanation { get; set; } = string.Empty;

    [Id(11)] public string? PoolId { get; set; }

    [Id(12)] public string? AssigneeId { get; set; }

    [Id(13)] public string? AssigneeName { get; set; }

    /// <summary>Reps who held the lead before, oldest first.</summary>
    [Id(14)] public List<string> PreviousAssignees { get; set; } = [];

    [Id(15)] public DateTimeOffset? SlaDeadline { get; set; }

    [Id(16)] public int SlaMisses { get; set; }

    /// <summary>The manager took over after repeated SLA misses.</summary>
    [Id(17)] public bool Escalated { get; set; }

    /// <summary>The overflow queue the lead waits in when nobody in the pool was eligible.</summary>
    [Id(18)] public string? OverflowQueue { get; set; }

    [Id(19)] public DateTimeOffset? ContactedAt { get; set; }

    [Id(20)] public string? ContactSource { get; set; }

    [Id(21)] public DateTimeOffset? ClosedAt { get; set; }

    [Id(22)] public string? CloseReason { get; set; }

    [Id(23)] public LeadFeedback? Feedback { get; set; }

    [Id(24)] public Conversion? Conversion { get; set; }

    [Id(25)] public LeadContext? Context { get; set; }

    [Id(26)] public List<LeadActivity> Activities { get; set; } = [];

    [Id(27)] public List<LeadDelivery> Deliveries { get; set; } = [];

    [Id(28)] public SubjectKind Kind { get; set; }

    /// <summary>The outbox item of the current owner's task, so a re-queue can mark that task done.</summary>
    [Id(29)] public string? CurrentTaskItemId { get; set; }

    /// <summary>When an unassigned (overflow) lead tries its pool again.</summary>
    [Id(30)] public DateTimeOffset? RetryAssignmentAt { get; set; }

    /// <summary>Outbox items issued for this lead; item ids are <c>{LeadId}/{n}</c>.</summary>
    [Id(31)] public int ItemCount { get; set; }

    /// <summary>When the contact was erased on request: contact fields and mentions are redacted, the lead is kept for counts.</summary>
    [Id(32)] public DateTimeOffset? ContactErasedAt { get; set; }
}
