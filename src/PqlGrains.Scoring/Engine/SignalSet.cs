using System.Globalization;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// The compiled signals of one scope (users, or accounts) with the slot layout of their state.
/// Shared read-only by every state of that scope.
/// </summary>
internal sealed class SignalSet(SignalRule[] rules, int slotCount, EventPatterns patterns, DecayClock clock, SuppressionRules suppression)
{
    private static readonly string[] CreatedAtTraits = ["created_at", "createdAt"];

    private readonly SignalCategory[] _categories = rules.Select(r => r.Definition.Category).ToArray();

    public IReadOnlyList<SignalRule> Rules => rules;

    /// <summary>Each rule's category, in rule order.</summary>
    public ReadOnlySpan<SignalCategory> Categories => _categories;

    public int SlotCount { get; } = slotCount;

    /// <summary>Rules (bit i = rule i, first 64) whose reading depends on the exact instant: re-read whenever it moves.</summary>
    public ulong InstantReaders { get; } = MaskOf(rules, r => r.ReadsInstant);

    /// <summary>Rules (bit i = rule i, first 64) that read the common slots: stale whenever those change.</summary>
    public ulong CommonReaders { get; } = MaskOf(rules, r => r.ReadsCommonSlots);

    public DecayClock Clock { get; } = clock;

    /// <summary>The length of a matched event's <see cref="EventRow"/> under this set.</summary>
    public int RowLength => patterns.RowLength;

    /// <summary>
    /// Reads from the event all that applying it needs into <paramref name="row"/> (<see cref="RowLength"/> longs):
    /// the only place the event's strings and properties are read.
    /// </summary>
    public void Match(ScoringEvent scoringEvent, Span<long> row) => Match(scoringEvent, StableHash.Of(scoringEvent.MessageId), row);

    /// <summary><see cref="Match(ScoringEvent, Span{long})"/> with the event's messageId already hashed (<see cref="StableHash"/>).</summary>
    public void Match(ScoringEvent scoringEvent, long messageHash, Span<long> row)
    {
        row.Clear();
        row[EventRow.Ticks] = scoringEvent.Timestamp.UtcTicks;
        row[EventRow.MessageHash] = messageHash;
        var plan = EventRow.PlanAbsent;
        if (scoringEvent.Type is EventType.Identify or EventType.Group)
        {
            (row[EventRow.CreatedAt], plan) = ReadTraits(scoringEvent.Properties);
        }

        row[EventRow.Call] = EventRow.CallWord(scoringEvent.Type, plan, scoringEvent.Timestamp.Offset);
        patterns.Match(scoringEvent, row);
    }

    /// <summary>Applies one matched event; marks in <paramref name="cache"/> the signals whose reading it may have moved.</summary>
    public ApplyOutcome Apply(Span<long> slots, ReadOnlySpan<long> row, SignalPointsCache? cache)
    {
        var frame = new EventFrame(row, patterns.ValuesStart, Clock.At(row[EventRow.Ticks]));
        var outcome = ApplyOutcome.None;
        if (ApplyCommon(slots, frame))
        {
            outcome = ApplyOutcome.Changed;
            cache?.MarkStale(CommonReaders);
        }

        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Apply(slots, frame))
            {
                outcome |= ApplyOutcome.Changed;
                cache?.MarkStale(i);
                if (rule.Definition.RouteImmediately)
                {
                    outcome |= ApplyOutcome.RouteImmediately;
                }
            }
        }

        return outcome;
    }

    public SuppressionReason SuppressionAt(ReadOnlySpan<long> slots, in TimePoint at)
    {
        if (slots[CommonSlots.PlanIsPaying] != 0)
        {
            return SuppressionReason.AlreadyPaying;
        }

        var lastActive = slots[CommonSlots.LastActive];
        if (suppression.StaleAfterDays is { } staleDays && lastActive != 0 && Clock.At(lastActive).Day <= at.Day - staleDays)
        {
            return SuppressionReason.Stale;
        }

        return SuppressionReason.None;
    }

    private static ulong MaskOf(SignalRule[] rules, Func<SignalRule, bool> predicate)
    {
        var mask = 0UL;
        for (var i = 0; i < Math.Min(rules.Length, 64); i++)
        {
            mask |= predicate(rules[i]) ? 1UL << i : 0;
        }

        return mask;
    }

    /// <summary>True when a common slot changed.</summary>
    private static bool ApplyCommon(Span<long> slots, in EventFrame frame)
    {
        var ticks = frame.Time.UtcTicks;
        var changed = CommonSlots.Min(ref slots[CommonSlots.FirstSeen], ticks);
        var type = frame.Type;
        if (type is EventType.Track or EventType.Page or EventType.Screen)
        {
            changed |= CommonSlots.Max(ref slots[CommonSlots.LastActive], ticks);
        }
        else if (type is EventType.Identify or EventType.Group)
        {
            changed |= ApplyTraits(slots, frame);
        }

        return changed;
    }

    private static bool ApplyTraits(Span<long> slots, in EventFrame frame)
    {
        var row = frame.Row;
        var changed = row[EventRow.CreatedAt] != 0 && CommonSlots.Min(ref slots[CommonSlots.CreatedAt], row[EventRow.CreatedAt]);

        // Last writer wins by event time (messageId breaks ties) so replays in any order agree.
        if (EventRow.PlanOf(row) is var plan and not EventRow.PlanAbsent)
        {
            var tieBreak = row[EventRow.MessageHash];
            var ticks = frame.Time.UtcTicks;
            if (ticks > slots[CommonSlots.PlanTicks] || (ticks == slots[CommonSlots.PlanTicks] && tieBreak > slots[CommonSlots.PlanTieBreak]))
            {
                slots[CommonSlots.PlanTicks] = ticks;
                slots[CommonSlots.PlanTieBreak] = tieBreak;
                slots[CommonSlots.PlanIsPaying] = plan == EventRow.PlanPaying ? 1 : 0;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The earliest created_at/createdAt trait (0 when none reads as an instant) and the plan trait's bearing on suppression.</summary>
    private (long CreatedAt, int Plan) ReadTraits(EventProperties traits)
    {
        long createdAt = 0;
        foreach (var name in CreatedAtTraits)
        {
            if (traits.TryGetValue(name, out var created) && TryReadInstant(created, out var createdTicks))
            {
                CommonSlots.Min(ref createdAt, createdTicks);
            }
        }

        var plan = EventRow.PlanAbsent;
        if (suppression.PlanTrait is { } planTrait && traits.TryGetValue(planTrait, out var value))
        {
            plan = value.Kind == PropertyKind.String && suppression.PayingPlans.Contains(value.Text!) ? EventRow.PlanPaying : EventRow.PlanNotPaying;
        }

        return (createdAt, plan);
    }

    private static bool TryReadInstant(PropertyValue value, out long utcTicks)
    {
        utcTicks = 0;
        if (value.Kind == PropertyKind.String &&
            DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utcTicks = parsed.UtcTicks;
        }
        else if (value.Kind == PropertyKind.Number && value.Number is > 0 and < 1e11)
        {
            // Unix seconds, as many SDKs send created_at.
            utcTicks = DateTimeOffset.UnixEpoch.UtcTicks + (long)(value.Number * TimeSpan.TicksPerSecond);
        }

        return utcTicks > 0;
    }
}
