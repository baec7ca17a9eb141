namespace PqlGrains.Routing.Model;

/// <summary>Reps who share leads round-robin, in the order listed.</summary>
public sealed record Pool(string Id, IReadOnlyList<string> Members, PoolOverflow Overflow);
