namespace PqlGrains.Scoring.Definitions;

public enum SuppressionReason : byte
{
    None = 0,
    AlreadyPaying = 1,
    Stale = 2,
}
