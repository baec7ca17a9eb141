using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Points for every matching event, in O(1) state. Each event adds
/// round(points * 2^(offset/h) * 2^48) to an integer accumulator of its block (32 half-lives of
/// the decay coordinate), offset measured from the block start. Integer addition is associative,
/// so any arrival order gives the same bits; two live blocks cover the horizon without overflow.
/// Slots: [newest block + 1, lo0, hi0, count0, lo1, hi1, count1, last event ticks].
/// </summary>
internal sealed class EachOccurrenceRule : SignalRule
{
    private const int FractionBits = 48;
    private const int BlockHalfLives = 32;
    private static readonly double Scale = Math.Pow(2, FractionBits);
    private static readonly double Unscale = Math.Pow(2, -FractionBits);

    private readonly MatchSite _site;
    private readonly int _offset;
    private readonly double? _cap;
    private readonly double _halfLife;
    private readonly double _blockDays;

    public EachOccurrenceRule(SignalDefinition definition, EventMatcher[] matchers, double? cap, double halfLifeDays, SlotAllocator slots)
        : base(definition)
    {
        _cap = cap;
        _halfLife = halfLifeDays;
        _blockDays = Math.Ceiling(BlockHalfLives * halfLifeDays);
        _offset = slots.Reserve(8);
        _site = slots.ReservePattern(matchers);
    }

    public override double? MaxPoints => _cap;

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        if (!frame.Matches(_site))
        {
            return false;
        }

        var s = slots.Slice(_offset, 8);
        var block = (long)Math.Floor(frame.Time.X / _blockDays);
        if (s[0] == 0 || block > s[0] - 1)
        {
            var newest = s[0] - 1;
            if (s[0] != 0 && block == newest + 1)
            {
                s.Slice(1 + (int)(block & 1) * 3, 3).Clear();
            }
            else
            {
                s[1..7].Clear();
            }

            s[0] = block + 1;
        }
        else if (block < s[0] - 2)
        {
            return false;
        }

        var entry = s.Slice(1 + (int)(block & 1) * 3, 3);
        var offsetDays = frame.Time.X - block * _blockDays;
        var quantum = (Int128)Math.Round(Definition.Points * Math.Pow(2, offsetDays / _halfLife) * Scale);
        var sum = new Int128((ulong)entry[1], (ulong)entry[0]) + quantum;
        entry[0] = (long)(ulong)sum;
        entry[1] = (long)(ulong)(sum >> 64);
        entry[2]++;
        CommonSlots.Max(ref s[7], frame.Time.UtcTicks);
        return true;
    }

    public override SignalReading Read(in StateView view)
    {
        var s = view.Slots.Slice(_offset, 8);
        if (s[0] == 0)
        {
            return SignalReading.None;
        }

        var newest = s[0] - 1;
        double points = 0;
        long count = 0;
        for (var block = newest - 1; block <= newest; block++)
        {
            var entry = s.Slice(1 + (int)(block & 1) * 3, 3);
            if (entry[2] == 0)
            {
                continue;
            }

            var sum = new Int128((ulong)entry[1], (ulong)entry[0]);
            points += (double)sum * Unscale * Math.Pow(2, (block * _blockDays - view.At.X) / _halfLife);
            count += entry[2];
        }

        return new SignalReading(_cap is { } cap ? Math.Min(points, cap) : points, count, s[7]);
    }
}
