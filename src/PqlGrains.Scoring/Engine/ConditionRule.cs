using PqlGrains.Scoring.Conditions;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>Points while a condition holds, decayed from the latest event that supports it.</summary>
internal sealed class ConditionRule(SignalDefinition definition, Condition condition) : SignalRule(definition)
{
    public Condition Condition { get; } = condition;

    public override double? MaxPoints => Definition.Points;

    public override bool ReadsInstant => Condition.ReadsInstant;

    public override bool ReadsCommonSlots => Condition.ReadsCommonSlots;

    public override bool Apply(Span<long> slots, in EventFrame frame) => Condition.Apply(slots, frame);

    public override SignalReading Read(in StateView view)
    {
        var reading = Condition.Evaluate(view);
        return reading.Holds
            ? new SignalReading(Definition.Points * view.WeightOf(reading.EvidenceTicks), reading.Count, reading.EvidenceTicks)
            : new SignalReading(0, reading.Count, 0);
    }
}
