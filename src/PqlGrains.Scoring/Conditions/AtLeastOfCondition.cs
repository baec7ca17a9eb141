using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>
/// At least k of the child conditions hold; <c>all</c> is k = n, <c>any</c> is k = 1. Evidence is the
/// latest evidence among the holding children: the score decays from the last time it was reinforced.
/// </summary>
internal sealed class AtLeastOfCondition(int atLeast, Condition[] children) : Condition
{
    public override bool CanHold => atLeast <= children.Length && children.Count(c => c.CanHold) >= atLeast;

    public override bool ReadsInstant => children.Any(c => c.ReadsInstant);

    public override bool ReadsCommonSlots => children.Any(c => c.ReadsCommonSlots);

    public override bool Apply(Span<long> slots, in EventFrame frame)
    {
        var changed = false;
        foreach (var child in children)
        {
            changed |= child.Apply(slots, frame);
        }

        return changed;
    }

    public override ConditionReading Evaluate(in StateView view)
    {
        long holding = 0;
        long evidence = 0;
        foreach (var child in children)
        {
            var reading = child.Evaluate(view);
            if (reading.Holds)
            {
                holding++;
                evidence = Math.Max(evidence, reading.EvidenceTicks);
            }
        }

        return holding >= atLeast ? new ConditionReading(true, evidence, holding) : ConditionReading.False(holding);
    }
}
