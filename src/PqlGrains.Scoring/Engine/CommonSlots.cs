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

    /// <summary>Keeps the earliest non-zero value; true when the slot changed.</summary>
    public static bool Min(ref long slot, long value)
    {
        if (value == slot || (slot != 0 && value > slot))
        {
            return false;
        }

        slot = value;
        return true;
    }

    /// <summary>Keeps the latest value; true when the slot changed.</summary>
    public static bool Max(ref long slot, long value)
    {
        if (value <= slot)
        {
            return false;
        }

        slot = value;
        return true;
    }
}
