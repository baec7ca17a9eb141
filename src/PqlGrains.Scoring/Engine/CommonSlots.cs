namespace PqlGrains.Scoring.Engine;

/// <summary>Slots every state has, before the signal slots. Zero always means "not seen".</summary>
internal static class CommonSlots
{
    public const int FirstSeen = 0;
    public const int LastActive = 1;
    public const int CreatedAt = 2;
    public const int PlanTicks = 3;
    public const int PlanTieBreak = 4;
    public const int PlanIsPaying = 5;
    public const int Count = 6;

    public static void Min(ref long slot, long value)
    {
        if (slot == 0 || value < slot)
        {
            slot = value;
        }
    }

    public static void Max(ref long slot, long value)
    {
        if (value > slot)
        {
            slot = value;
        }
    }
}
