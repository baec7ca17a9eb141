using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Conditions;

/// <summary>A boolean over a user's (or account's) history, evaluated at an instant.</summary>
internal abstract class Condition
{
    public abstract bool Apply(Span<long> slots, in EventFrame frame);

    public abstract ConditionReading Evaluate(in StateView view);

    /// <summary>False when the condition can never hold (e.g. "at least 4 of 3"), for validation warnings.</summary>
    public virtual bool CanHold => true;

    /// <summary>True when evaluation compares stored ticks with the exact evaluation instant, not only its day.</summary>
    public virtual bool ReadsInstant => false;

    /// <summary>True when evaluation reads the common slots (first seen, last activity, signup).</summary>
    public virtual bool ReadsCommonSlots => false;
}
