using Orleans.Concurrency;

namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// The cluster's routing file (key <see cref="Key"/>): seeded from <c>Pql:Routing:Path</c> (or the demo routing),
/// replaceable at run time; the replacement is validated and stored durably.
/// </summary>
public interface IRoutingGrain : IGrainWithStringKey
{
    public const string Key = "active";

    /// <summary>Read-only, so the lead and pool grains of every silo read it at once rather than one at a time.</summary>
    [ReadOnly]
    Task<RoutingDocument> Get();

    Task<RoutingReplaceResult> Replace(string text, string source);
}
