using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Points one time, decayed from the latest occurrence (a repeat refreshes intent but never adds up).
/// Slots: [occurrences, latest ticks].
/// </summary>
internal sealed class OnceRule : SignalRule
{
    private readonly MatchSite _site;
    private readonly int _offset;

    public OnceRule(SignalDefinition definition, EventMatcher[] matchers, SlotAllocator slots)
        : base(definition)
    {
        _offset = slots.Reserve(2);
        _site = slots.ReservePattern(matchers);
    }

    public override double? MaxPoints => Definition.Points;

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        slots[_offset]++;
        CommonSlots.Max(ref slots[_offset + 1], frame.Time.UtcTicks);
        return true;
    }

    public override SignalReading Read(in StateView view)
    {
        var count = view.Slots[_offset];
        var last = view.Slots[_offset + 1];
        return count == 0 ? SignalReading.None : new SignalReading(Definition.Points * view.WeightOf(last), count, last);
    }
}
