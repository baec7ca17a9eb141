using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>
/// At least k distinct values (of a property, or users) among matching events, ever or within the last
/// N days. Keeps only the k values seen most recently: k of them inside the window is exactly the test.
/// </summary>
internal sealed class DistinctCondition : Condition
{
    private readonly EventMatcher[] _matchers;
    private readonly ValueSelector _selector;
    private readonly int _atLeast;
    private readonly int? _withinDays;
    private readonly int _offset;

    public DistinctCondition(EventMatcher[] matchers, ValueSelector selector, int atLeast, int? withinDays, SlotAllocator slots)
    {
        _matchers = matchers;
        _selector = selector;
        _atLeast = atLeast;
        _withinDays = withinDays;
        _offset = slots.Reserve(RankedSet.SlotCount(atLeast));
    }

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!EventMatcher.AnyMatches(_matchers, frame.Event))
        {
            return false;
        }

        var hash = _selector.HashOf(frame.Event);
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
