namespace PqlGrains.Scoring.Events;

public enum PropertyKind : byte
{
    Null = 0,
    String = 1,
    Number = 2,
    Boolean = 3,
}
