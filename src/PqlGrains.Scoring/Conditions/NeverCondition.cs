using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>Stands in for a condition whose matchers can never match (reported as a warning).</summary>
internal sealed class NeverCondition : Condition
{
    public override bool CanHold => false;

    public override bool Apply(Span<long> slots, in EventFrame frame) => false;

    public override ConditionReading Evaluate(in StateView view) => ConditionReading.False();
}
