namespace PqlGrains.Routing.Enrichment;

/// <summary>A provider could not answer right now (outage, timeout). Not cached; enrichment goes on without it.</summary>
public sealed class FirmographicsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
