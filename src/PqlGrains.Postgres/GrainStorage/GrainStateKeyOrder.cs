namespace PqlGrains.Postgres.GrainStorage;

/// <summary>A total order of grain state rows, the same on every silo.</summary>
internal sealed class GrainStateKeyOrder : IComparer<GrainStateKey>
{
    public static GrainStateKeyOrder Instance { get; } = new();

    public int Compare(GrainStateKey x, GrainStateKey y)
    {
        var order = (x.IdHash, x.TypeHash, x.N0, x.N1).CompareTo((y.IdHash, y.TypeHash, y.N0, y.N1));
        if (order != 0)
        {
            return order;
        }

        order = string.CompareOrdinal(x.StateName, y.StateName);
        return order != 0 ? order : string.CompareOrdinal(x.Extension, y.Extension);
    }
}
