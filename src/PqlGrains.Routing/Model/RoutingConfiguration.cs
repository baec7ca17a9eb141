namespace PqlGrains.Routing.Model;

/// <summary>A validated routing file: who gets leads, in which pools, under which ordered rules.</summary>
public sealed record RoutingConfiguration(
    string Version,
    SegmentThresholds Segmentation,
    IReadOnlyList<Rep> Reps,
    IReadOnlyList<Manager> Managers,
    IReadOnlyList<Pool> Pools,
    IReadOnlyList<RoutingRule> Rules)
{
    public Rep? FindRep(string id) => Reps.FirstOrDefault(rep => rep.Id == id);

    public Manager? FindManager(string id) => Managers.FirstOrDefault(manager => manager.Id == id);

    public Pool? FindPool(string id) => Pools.FirstOrDefault(pool => pool.Id == id);
}
