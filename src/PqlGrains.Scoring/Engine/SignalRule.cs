using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>How one signal earns points; owns a fixed range of the state's slots.</summary>
internal abstract class SignalRule(SignalDefinition definition)
{
    public SignalDefinition Definition { get; } = definition;

    /// <summary>Applies one event; true when the signal's state changed (the event earned or moved points).</summary>
    public abstract bool Apply(Span<long> slots, in EventFrame frame);

    public abstract SignalReading Read(in StateView view);

    /// <summary>True when the reading compares stored ticks with the exact evaluation instant, not only its day.</summary>
    public virtual bool ReadsInstant => false;

    /// <summary>True when the reading depends on the common slots (first seen, last activity, signup).</summary>
    public virtual bool ReadsCommonSlots => false;

    /// <summary>The most points the signal can ever hold, or null when unbounded.</summary>
    public abstract double? MaxPoints { get; }
}
