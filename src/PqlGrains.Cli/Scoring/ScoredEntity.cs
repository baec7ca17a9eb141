using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Cli.Scoring;

/// <summary>A user's or account's score in a <c>pql score</c> run.</summary>
internal sealed record ScoredEntity(string Kind, string Id, ScoreResult Result);
