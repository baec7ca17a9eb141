using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Points for each distinct value of a property ("15 per distinct feature"), decayed from the value's
/// first occurrence. Bounded: the first N distinct values earn; later new values earn nothing.
/// </summary>
internal sealed class PerDistinctValueRule : SignalRule
{
    private readonly EventMatcher[] _matchers;
    private readonly ValueSelector _selector;
    private readonly int _capacity;
    private readonly int _offset;

    public PerDistinctValueRule(SignalDefinition definition, EventMatcher[] matchers, ValueSelector selector, int capacity, SlotAllocator slots)
        : base(definition)
    {
        _matchers = matchers;
        _selector = selector;
        _capacity = capacity;
        _offset = slots.Reserve(RankedSet.SlotCount(capacity));
    }

    public override double? MaxPoints => Definition.Points * _capacity;

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!EventMatcher.AnyMatches(_matchers, frame.Event))
        {
            return false;
        }

        var hash = _selector.HashOf(frame.Event);
        return hash != 0 && RankedSet.Offer(slots.Slice(_offset, RankedSet.SlotCount(_capacity)), hash, frame.Time.UtcTicks, keepEarliest: true);
    }

    public override SignalReading Read(in StateView view)
    {
        var set = view.Slots.Slice(_offset, RankedSet.SlotCount(_capacity));
        var size = RankedSet.Size(set);
        double points = 0;
        long last = 0;
        for (var i = 0; i < size; i++)
        {
            var ticks = RankedSet.TicksAt(set, i);
            points += Definition.Points * view.WeightOf(ticks);
            last = Math.Max(last, ticks);
        }

        return new SignalReading(points, size, last);
    }
}
