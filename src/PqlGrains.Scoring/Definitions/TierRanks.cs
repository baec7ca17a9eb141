namespace PqlGrains.Scoring.Definitions;

/// <summary>Tier positions by name in a definition's tiers (lowest first), shared by every "did the tier rise" check.</summary>
public static class TierRanks
{
    /// <summary>The tier's index in <paramref name="tiers"/>, -1 for no tier or a name the definition does not have.</summary>
    public static int RankOf(this IReadOnlyList<Tier> tiers, string? tierName)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        for (var i = 0; i < tiers.Count; i++)
        {
            if (string.Equals(tiers[i].Name, tierName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
