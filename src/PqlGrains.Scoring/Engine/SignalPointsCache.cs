using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Each signal's rounded points as last read, so the score can be asked after every event at the cost of the
/// signals that event touched rather than all of them. Under daily decay a signal's reading is the same at
/// every instant of one calendar day (same-day weight is exactly 1), so a reading stays valid until its
/// slots change or the day does. Signals that compare stored ticks with the exact instant (signup windows)
/// or read the common slots (last activity) are declared by their rules and re-read accordingly. The total is
/// always added up by <see cref="ScoreArithmetic.Total"/> from the same per-signal values the full evaluation
/// rounds, so the cached score equals the evaluated one to the last bit.
/// </summary>
internal sealed class SignalPointsCache
{
    private const int TrackedRules = 64;

    private readonly double[] _points;

    // Every tracked rule starts stale, so the first Score reads them all whatever the instant.
    private ulong _stale = ulong.MaxValue;
    private TimePoint _at;
    private double _total;

    // False until the first Score: from then on the total changes only when a re-read signal's points do.
    private bool _totalValid;

    public SignalPointsCache(int ruleCount)
    {
        _points = new double[ruleCount];
    }

    /// <summary>Each signal's rounded points as of the last <see cref="Score"/>, in rule order.</summary>
    public ReadOnlySpan<double> Points => _points;

    /// <summary>The rule's slots changed: read it again next time.</summary>
    public void MarkStale(int rule) => _stale |= rule < TrackedRules ? 1UL << rule : 0;

    public void MarkStale(ulong rules) => _stale |= rules;

    public double Score(PqlDefinition definition, SignalSet signals, ReadOnlySpan<long> slots, in TimePoint at)
    {
        var rules = signals.Rules;

        // Stable within a day means daily decay, whose decay coordinate is the day itself.
        var reread = at.UtcTicks == _at.UtcTicks ? _stale
            : signals.Clock.ReadingsStableWithinDay && at.Day == _at.Day ? _stale | signals.InstantReaders
            : ulong.MaxValue;
        var view = new StateView(slots, signals.Clock, at);
        for (var i = 0; i < rules.Count; i++)
        {
            if (i >= TrackedRules || (reread & (1UL << i)) != 0)
            {
                var points = ScoreArithmetic.Round(rules[i].Read(view).Points);
                if (BitConverter.DoubleToInt64Bits(points) != BitConverter.DoubleToInt64Bits(_points[i]))
                {
                    _points[i] = points;
                    _totalValid = false;
                }
            }
        }

        _stale = 0;
        _at = at;
        if (!_totalValid)
        {
            _total = ScoreArithmetic.Total(definition, _points, signals.Categories, 0);
            _totalValid = true;
        }

        return _total;
    }
}
