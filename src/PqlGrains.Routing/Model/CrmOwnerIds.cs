namespace PqlGrains.Routing.Model;

/// <summary>The rep's user id in each CRM, so a task lands in the right queue.</summary>
public sealed record CrmOwnerIds(string? HubSpot, string? Salesforce)
{
    public static CrmOwnerIds None { get; } = new(null, null);
}
