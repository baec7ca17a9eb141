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

    public async Task<RoutingConfiguration> CurrentAsync()
    {
        var document = await grains.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Get();
        var cached = _cached;
        if (cached is { } hit && hit.Revision == document.Revision)
        {
            return hit.Configuration;
        }

        var configuration = RoutingFile.Parse(document.Text, document.Source);
        _cached = (document.Revision, configuration);
        return configuration;
    }
}
