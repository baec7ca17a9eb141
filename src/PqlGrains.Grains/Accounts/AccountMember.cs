namespace PqlGrains.Grains.Accounts;

/// <summary>A member as its account remembers it.</summary>
[GenerateSerializer]
public sealed class AccountMember
{
    [Id(0)] public double Score { get; set; }

    [Id(1)] public string? Tier { get; set; }

    [Id(2)] public DateTimeOffset EvaluatedAt { get; set; }

    [Id(3)] public DateTimeOffset? LastEventAt { get; set; }

    [Id(4)] public string? Email { get; set; }

    /// <summary>The member's ingest partition; <see cref="AppliedSequence"/> counts in it.</summary>
    [Id(5)] public int Partition { get; set; }

    /// <summary>Highest sequence of this member's events applied to the account's signals.</summary>
    [Id(6)] public long AppliedSequence { get; set; }
}
