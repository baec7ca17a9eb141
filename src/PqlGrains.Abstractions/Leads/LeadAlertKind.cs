namespace PqlGrains.Abstractions.Leads;

[GenerateSerializer]
public enum LeadAlertKind : byte
{
    NewLead = 0,
    Requeued = 1,
    Escalated = 2,
    Overflow = 3,
}
