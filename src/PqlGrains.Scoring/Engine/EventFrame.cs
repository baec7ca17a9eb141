using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>An event being applied, with its time already mapped by the definition's clock.</summary>
internal readonly record struct EventFrame(ScoringEvent Event, TimePoint Time);
