using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>
/// At least k matching events, ever or within the last N calendar days (today included).
/// Slots: [total, latest ticks] or [latest ticks, day ring of counts].
/// </summary>
internal sealed class CountCondition : Condition
{
    private readonly MatchSite _site;
    private readonly int _atLeast;
    private readonly int? _withinDays;
    private readonly int _offset;

    public CountCondition(EventMatcher[] matchers, int atLeast, int? withinDays, SlotAllocator slots)
    {
        _atLeast = atLeast;
        _withinDays = withinDays;
        _offset = slots.Reserve(withinDays is { } days ? 1 + DayRing.SlotCount(days) : 2);
        _site = slots.ReservePattern(matchers);
    }

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        if (_withinDays is not { } days)
        {
            slots[_offset]++;
            CommonSlots.Max(ref slots[_offset + 1], frame.Time.UtcTicks);
            return true;
        }

        var ring = slots.Slice(_offset + 1, DayRing.SlotCount(days));
        if (!DayRing.TryAdvance(ring, frame.Time.Day))
        {
            return false;
        }

        ring[DayRing.Index(frame.Time.Day, days)]++;
        CommonSlots.Max(ref slots[_offset], frame.Time.UtcTicks);
        return true;
    }

    public override ConditionReading Evaluate(in StateView view)
    {
        if (_withinDays is not { } days)
        {
            var total = view.Slots[_offset];
            return total >= _atLeast ? new ConditionReading(true, view.Slots[_offset + 1], total) : ConditionReading.False(total);
        }

        var ring = view.Slots.Slice(_offset + 1, DayRing.SlotCount(days));
        if (DayRing.IsEmpty(ring))
        {
            return ConditionReading.False();
        }

        var newest = DayRing.Newest(ring);
        var from = Math.Max(newest - days + 1, view.At.Day - days + 1);
        var to = Math.Min(newest, view.At.Day);
        long count = 0;
        for (long day = from; day <= to; day++)
        {
            count += ring[DayRing.Index(day, days)];
        }

        return count >= _atLeast ? new ConditionReading(true, view.Slots[_offset], count) : ConditionReading.False(count);
    }
}
