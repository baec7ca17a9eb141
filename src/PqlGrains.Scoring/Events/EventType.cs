namespace PqlGrains.Scoring.Events;

/// <summary>The Segment call a product event came from.</summary>
public enum EventType : byte
{
    Track = 0,
    Page = 1,
    Screen = 2,
    Identify = 3,
    Group = 4,
    Alias = 5,
}
