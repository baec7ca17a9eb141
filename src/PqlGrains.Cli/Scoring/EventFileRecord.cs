using PqlGrains.Scoring.Events;

namespace PqlGrains.Cli.Scoring;

/// <summary>One line of an events file: its event, or why it was rejected.</summary>
/// <param name="Line">1-based line number.</param>
internal sealed record EventFileRecord(int Line, ScoringEvent? Event, string? Error);
