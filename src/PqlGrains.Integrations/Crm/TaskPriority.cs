namespace PqlGrains.Integrations.Crm;

public enum TaskPriority
{
    Low,
    Medium,
    High,
}
