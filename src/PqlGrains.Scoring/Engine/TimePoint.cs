namespace PqlGrains.Scoring.Engine;

/// <summary>An instant as the decay math sees it.</summary>
/// <param name="UtcTicks">The instant (UTC ticks); what state stores.</param>
/// <param name="Day">The calendar day number in the definition's time zone.</param>
/// <param name="X">The decay coordinate in days: <see cref="Day"/> for daily decay, fractional UTC days for continuous.</param>
internal readonly record struct TimePoint(long UtcTicks, int Day, double X);
