namespace PqlGrains.Simulation;

/// <summary>The Segment calls a simulated product makes.</summary>
public enum SegmentCall
{
    Track,
    Page,
    Identify,
    Group,
}
