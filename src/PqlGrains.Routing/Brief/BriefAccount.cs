namespace PqlGrains.Routing.Brief;

/// <summary>The account (Segment group) behind a lead, when the lead has one.</summary>
public sealed record BriefAccount(string Id, string? Name, string? Domain);
