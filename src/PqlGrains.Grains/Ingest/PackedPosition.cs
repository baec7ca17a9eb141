namespace PqlGrains.Grains.Ingest;

/// <summary>Where a packed event starts in <see cref="PackedEventPages"/>.</summary>
internal readonly record struct PackedPosition(int Page, int Offset);
