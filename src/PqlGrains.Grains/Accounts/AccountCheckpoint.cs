using PqlGrains.Abstractions.Accounts;
using PqlGrains.Grains.Definitions;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Accounts;

/// <summary>What an account grain saves: members, account signal state and traits.</summary>
[GenerateSerializer]
public sealed class AccountCheckpoint
{
    [Id(0)] public Dictionary<string, AccountMember> Members { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public AccountTraits Traits { get; set; } = AccountTraits.None;

    [Id(2)] public DateTimeOffset? TraitsAt { get; set; }

    /// <summary>Last tier every tier-change observer acknowledged; a difference is republished.</summary>
    [Id(3)] public string? PublishedTier { get; set; }

    /// <summary>Some user or group call named this account (a read of an unknown id answers 404).</summary>
    [Id(4)] public bool Known { get; set; }

    [Id(5)] public string? DefinitionVersion { get; set; }

    /// <summary>The scoring engine's snapshot of the account state (signals and member scores).</summary>
    [Id(6)] public byte[]? ScoreState { get; set; }

    /// <summary>The account's states under the shadow versions (null when none runs).</summary>
    [Id(7)] public List<ShadowCheckpoint>? Shadows { get; set; }

    /// <summary>Roll-up scores as evaluated over the last day: a lead brief's score 24 hours earlier.</summary>
    [Id(8)] public ScoreHistory History { get; set; } = new();
}
