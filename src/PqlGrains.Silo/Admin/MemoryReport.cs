namespace PqlGrains.Silo.Admin;

/// <summary>This silo's memory after a full garbage collection, and what it holds active.</summary>
/// <param name="ManagedHeapBytes">Live managed objects after a blocking, compacting collection.</param>
/// <param name="WorkingSetBytes">Resident memory of the process.</param>
/// <param name="Activations">Active grains of this silo by grain type.</param>
public sealed record MemoryReport(long ManagedHeapBytes, long WorkingSetBytes, IReadOnlyDictionary<string, int> Activations);
