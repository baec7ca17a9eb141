namespace PqlGrains.Routing.Enrichment;

/// <summary>A firmographics file that cannot be read; the message names the file, the line or entry, and the fix.</summary>
public sealed class FirmographicsFileException(string message) : Exception(message);
