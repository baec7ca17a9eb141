namespace PqlGrains.Scoring.Definitions;

/// <summary>The four PQL signal families; category weights multiply the points of their signals.</summary>
public enum SignalCategory : byte
{
    Depth = 0,
    Frequency = 1,
    Adoption = 2,
    Viral = 3,
}
