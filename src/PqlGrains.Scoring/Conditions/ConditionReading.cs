namespace PqlGrains.Scoring.Conditions;

/// <summary>Whether a condition holds now, the latest event supporting it, and how many things it counted.</summary>
internal readonly record struct ConditionReading(bool Holds, long EvidenceTicks, long Count)
{
    public static ConditionReading False(long count = 0) => new(false, 0, count);
}
