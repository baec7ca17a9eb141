using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Points for each distinct value of a property ("15 per distinct feature"), decayed from the value's
/// first occurrence. Bounded: the first N distinct values earn; later new values earn nothing.
/// </summary>
internal sealed class PerDistinctValueRule : SignalRule
{
    private readonly MatchSite _site;
    private readonly int _capacity;
    private readonly int _offset;

    public PerDistinctValueRule(SignalDefinition definition, EventMatcher[] matchers, ValueSelector selector, int capacity, SlotAllocator slots)
        : base(definition)
    {
        _capacity = capacity;
        _offset = slots.Reserve(RankedSet.SlotCount(capacity));
        _site = slots.ReservePattern(matchers, selector);
    }

    public override double? MaxPoints => Definition.Points * _capacity;

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        var hash = frame.ValueOf(_site);
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
