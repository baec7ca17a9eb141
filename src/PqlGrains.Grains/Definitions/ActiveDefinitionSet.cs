using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Definitions;

/// <summary>One registry generation, compiled: swapped as a whole so readers never mix two generations.</summary>
internal sealed record ActiveDefinitionSet(long Generation, DefinitionScoringModel Active, DefinitionScoringModel[] Shadows);
