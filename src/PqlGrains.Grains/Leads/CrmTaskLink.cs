namespace PqlGrains.Grains.Leads;

[GenerateSerializer]
public sealed class CrmTaskLink
{
    [Id(0)] public string? LeadId { get; set; }
}
