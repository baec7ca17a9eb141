namespace PqlGrains.Scoring.Definitions.Reading;

internal sealed record DefinitionHeader(string Id, string Version, TimeZoneInfo TimeZone, double HalfLifeDays, DecayMode Decay);
