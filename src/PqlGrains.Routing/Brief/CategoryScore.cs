namespace PqlGrains.Routing.Brief;

/// <summary>Points per signal category (depth, frequency, adoption, viral).</summary>
public sealed record CategoryScore(string Category, double Points);
