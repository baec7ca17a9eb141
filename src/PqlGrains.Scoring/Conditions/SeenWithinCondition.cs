using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>A recency gate: any track/page/screen activity within the last N calendar days.</summary>
internal sealed class SeenWithinCondition(int withinDays) : Condition
{
    public override bool ReadsCommonSlots => true;

    public override bool Apply(Span<long> slots, in EventFrame frame) => false;

    public override ConditionReading Evaluate(in StateView view)
    {
        var last = view.Slots[CommonSlots.LastActive];
        return last != 0 && view.DayOf(last) >= view.At.Day - withinDays + 1
            ? new ConditionReading(true, last, 1)
            : ConditionReading.False();
    }
}
