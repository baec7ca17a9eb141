namespace PqlGrains.Routing.Model;

/// <summary>Someone to alert when a pool overflows or a lead misses its SLA repeatedly.</summary>
public sealed record Manager(string Id, string Name, string Email, CrmOwnerIds CrmOwnerIds);
