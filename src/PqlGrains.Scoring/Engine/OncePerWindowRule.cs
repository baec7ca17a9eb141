using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Points at most once per calendar window of N days (definition time zone), decayed from the
/// window's first occurrence: three billing-page visits in one day earn once.
/// Slots: a <see cref="DayRing"/> of windows holding the first occurrence's ticks.
/// </summary>
internal sealed class OncePerWindowRule : SignalRule
{
    private readonly MatchSite _site;
    private readonly int _windowDays;
    private readonly int _offset;
    private readonly int _length;

    public OncePerWindowRule(SignalDefinition definition, EventMatcher[] matchers, int windowDays, double halfLifeDays, SlotAllocator slots)
        : base(definition)
    {
        _windowDays = windowDays;
        _length = DecayHorizon.Buckets(halfLifeDays, windowDays);
        _offset = slots.Reserve(DayRing.SlotCount(_length));
        _site = slots.ReservePattern(matchers);
    }

    public override double? MaxPoints => Definition.Points * _length;

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        var ring = slots.Slice(_offset, DayRing.SlotCount(_length));
        var bucket = frame.Time.Day / _windowDays;
        if (!DayRing.TryAdvance(ring, bucket))
        {
            return false;
        }

        ref var first = ref ring[DayRing.Index(bucket, _length)];
        if (first != 0 && first <= frame.Time.UtcTicks)
        {
            return false;
        }

        first = frame.Time.UtcTicks;
        return true;
    }

    public override SignalReading Read(in StateView view)
    {
        var ring = view.Slots.Slice(_offset, DayRing.SlotCount(_length));
        if (DayRing.IsEmpty(ring))
        {
            return SignalReading.None;
        }

        var newest = DayRing.Newest(ring);
        double points = 0;
        long count = 0;
        long last = 0;
        // Oldest to newest bucket (the order the points are added in is part of the exact result), walking the
        // ring's entries with a wrap instead of a modulo per bucket: most of the horizon's buckets are empty.
        var index = DayRing.Index(newest - _length + 1, _length);
        for (var step = 0; step < _length; step++, index = index == _length ? 1 : index + 1)
        {
            var first = ring[index];
            if (first == 0)
            {
                continue;
            }

            points += Definition.Points * view.WeightOf(first);
            count++;
            last = Math.Max(last, first);
        }

        return new SignalReading(points, count, last);
    }
}
