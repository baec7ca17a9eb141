namespace PqlGrains.Abstractions.Users;

/// <summary>What identify calls told us about a user.</summary>
[GenerateSerializer, Immutable]
public sealed record UserTraits(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Plan,
    [property: Id(3)] DateTimeOffset? CreatedAt,
    [property: Id(4)] string? Company)
{
    public static UserTraits None { get; } = new(null, null, null, null, null);
}
