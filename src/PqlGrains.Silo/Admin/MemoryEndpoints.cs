using PqlGrains.Silo.Api;
using System.Diagnostics;
using System.Runtime;
using Orleans.Runtime;

namespace PqlGrains.Silo.Admin;

/// <summary>
/// Sizing diagnostics: managed heap per active grain is the figure capacity planning needs
/// (how many users fit on a silo), and only a full collection makes it readable.
/// </summary>
public static class MemoryEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/admin/memory</c>: forces a full compacting collection (a pause; not for
    /// polling) and reports heap, resident memory and activations per grain type of this silo.
    /// Guarded by <c>Pql:Api:AdminToken</c> like every other API.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlMemoryReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/memory", ReportAsync).AddEndpointFilter<ApiTokenFilter>();
        return endpoints;
    }

    private static async Task<MemoryReport> ReportAsync(IGrainFactory grains, ILocalSiloDetails silo)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics([silo.SiloAddress]);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        var activations = statistics
            .GroupBy(statistic => statistic.GrainType, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(statistic => statistic.ActivationCount), StringComparer.Ordinal);
        return new MemoryReport(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, activations);
    }
}
