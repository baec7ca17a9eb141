using PqlGrains.Abstractions.Leads;
using PqlGrains.Routing.Loading;
using PqlGrains.Routing.Model;

namespace PqlGrains.Grains.Routing;

/// <summary>
/// Per-silo cache of the parsed routing file: asks the routing grain for the current document and parses it only
/// when its revision changed, so a replacement through the API reaches every silo on its next lead.
/// </summary>
public sealed class RoutingSnapshots(IGrainFactory grains)
{
    private (int Revision, RoutingConfiguration Configuration)? _cached;

    public async Task<RoutingConfiguration> CurrentAsync() => (await LatestAsync()).Configuration;

    /// <summary>The current configuration and the revision of the routing document it was parsed from.</summary>
    public async Task<(int Revision, RoutingConfiguration Configuration)> LatestAsync()
    {
        var document = await grains.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Get();
        if (_cached is { } hit && hit.Revision == document.Revision)
        {
            return hit;
        }

        var parsed = (document.Revision, RoutingFile.Parse(document.Text, document.Source));
        _cached = parsed;
        return parsed;
    }

    /// <summary>
    /// The cached configuration when it is at least <paramref name="revision"/> (what the caller routed with), else the
    /// current one: a pool assigning for a lead routed on this silo does not ask the routing grain again.
    /// </summary>
    public Task<RoutingConfiguration> AtLeastAsync(int? revision) =>
        revision is { } wanted && _cached is { } hit && hit.Revision >= wanted ? Task.FromResult(hit.Configuration) : CurrentAsync();
}
