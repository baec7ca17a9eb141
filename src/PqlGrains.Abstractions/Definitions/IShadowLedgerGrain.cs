using Orleans.Concurrency;

namespace PqlGrains.Abstractions.Definitions;

/// <summary>
/// Would-be leads of one shadow definition version (key: the version) beside the leads the active definition opened
/// in the same period. Bounded; nothing here reaches lead observers, routing or a CRM.
/// </summary>
public interface IShadowLedgerGrain : IGrainWithStringKey
{
    /// <summary>The shadow (re)started: a new comparison period begins and entries of an earlier period are dropped.</summary>
    Task Start(DateTimeOffset at);

    Task Stop(DateTimeOffset at);

    /// <summary>The shadow definition put a subject into a tier.</summary>
    [OneWay]
    Task RecordShadow(WouldBeLead lead);

    /// <summary>The active definition put a subject into a tier while this shadow ran.</summary>
    [OneWay]
    Task RecordActive(WouldBeLead lead);

    Task<ShadowReport> Report();
}
