using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>
/// At least k matching events within the first N days after signup. Signup is the earliest of the
/// identify trait created_at/createdAt and the first event seen, so every counted event is at or after
/// it and the k earliest matching events decide: slots hold them in ascending order.
/// </summary>
internal sealed class SignupWindowCondition : Condition
{
    private readonly MatchSite _site;
    private readonly int _atLeast;
    private readonly int _withinDays;
    private readonly int _offset;

    public SignupWindowCondition(EventMatcher[] matchers, int atLeast, int withinDays, SlotAllocator slots)
    {
        _atLeast = atLeast;
        _withinDays = withinDays;
        _offset = slots.Reserve(atLeast);
        _site = slots.ReservePattern(matchers);
    }

    public override bool ReadsInstant => true;

    public override bool ReadsCommonSlots => true;

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        var earliest = slots.Slice(_offset, _atLeast);
        var ticks = frame.Time.UtcTicks;
        var last = earliest.Length - 1;
        if (earliest[last] != 0 && ticks >= earliest[last])
        {
            return false;
        }

        // Insert into the ascending list (zero = empty, at the end), dropping the latest.
        var index = last;
        while (index > 0 && (earliest[index - 1] == 0 || earliest[index - 1] > ticks))
        {
            earliest[index] = earliest[index - 1];
            index--;
        }

        earliest[index] = ticks;
        return true;
    }

    public override ConditionReading Evaluate(in StateView view)
    {
        var earliest = view.Slots.Slice(_offset, _atLeast);
        var signup = SignupTicks(view.Slots);
        var end = signup + _withinDays * TimeSpan.TicksPerDay;
        long count = 0;
        foreach (var ticks in earliest)
        {
            if (ticks != 0 && ticks < end && ticks <= view.At.UtcTicks)
            {
                count++;
            }
        }

        return count >= _atLeast ? new ConditionReading(true, earliest[^1], count) : ConditionReading.False(count);
    }

    public static long SignupTicks(ReadOnlySpan<long> slots)
    {
        var first = slots[CommonSlots.FirstSeen];
        var created = slots[CommonSlots.CreatedAt];
        return created != 0 && (first == 0 || created < first) ? created : first;
    }
}
