namespace PqlGrains.Abstractions.Accounts;

/// <summary>What group calls told us about an account.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountTraits(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Domain,
    [property: Id(2)] double? Employees,
    [property: Id(3)] string? Plan,
    [property: Id(4)] string? Country)
{
    public static AccountTraits None { get; } = new(null, null, null, null, null);
}
