namespace PqlGrains.Scoring.Engine;

/// <summary>A signal's decayed points now, with what its explanation needs.</summary>
/// <param name="Points">Decayed points (before category weight).</param>
/// <param name="Count">Occurrences (or distinct values, or matching events) the signal counted.</param>
/// <param name="LastTicks">The latest event the signal counted (UTC ticks), 0 when none.</param>
internal readonly record struct SignalReading(double Points, long Count, long LastTicks)
{
    public static SignalReading None => default;
}
