namespace PqlGrains.Routing.Brief;

/// <summary>The person to reach: the user who crossed the threshold, or the account's most active user.</summary>
public sealed record BriefContact(string UserId, string? Name, string? Email, string? Title)
{
    public string Display => Name ?? Email ?? UserId;

    public string? FirstName => Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
