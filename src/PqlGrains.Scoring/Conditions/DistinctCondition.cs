using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>
/// At least k distinct values (of a property, or users) among matching events, ever or within the last
/// N days. Keeps only the k values seen most recently: k of them inside the window is exactly the test.
/// </summary>
internal sealed class DistinctCondition : Condition
{
    private readonly MatchSite _site;
    private readonly int _atLeast;
    private readonly int? _withinDays;
    private readonly int _offset;

    public DistinctCondition(EventMatcher[] matchers, ValueSelector selector, int atLeast, int? withinDays, SlotAllocator slots)
    {
        _atLeast = atLeast;
        _withinDays = withinDays;
        _offset = slots.Reserve(RankedSet.SlotCount(atLeast));
        _site = slots.ReservePattern(matchers, selector);
    }

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        var hash = frame.ValueOf(_site);
        return hash != 0 && RankedSet.Offer(slots.Slice(_offset, RankedSet.SlotCount(_atLeast)), hash, frame.Time.UtcTicks, keepEarliest: false);
    }

    public override ConditionReading Evaluate(in StateView view)
    {
        var set = view.Slots.Slice(_offset, RankedSet.SlotCount(_atLeast));
        var size = RankedSet.Size(set);
        var firstDay = _withinDays is { } days ? view.At.Day - days + 1 : int.MinValue;
        long inWindow = 0;
        for (var i = 0; i < size; i++)
        {
            if (view.DayOf(RankedSet.TicksAt(set, i)) >= firstDay)
            {
                inWindow++;
            }
        }

        return inWindow >= _atLeast ? new ConditionReading(true, RankedSet.TicksAt(set, 0), inWindow) : ConditionReading.False(inWindow);
    }
}
