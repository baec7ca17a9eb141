namespace PqlGrains.Silo.Api;

public sealed record ScoreBreakdownItem(string Signal, string Category, double Points);
