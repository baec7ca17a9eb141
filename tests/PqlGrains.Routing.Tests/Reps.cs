using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Tests;

/// <summary>Builds reps and pools for assignment tests.</summary>
internal static class Reps
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static WorkingHours NineToFive(TimeZoneInfo zone) => new(
        zone,
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0),
        new TimeOnly(17, 0),
        AlwaysOn: false);

    public static Rep Rep(string id, int capacity = 8, WorkingHours? hours = null, params DateRange[] outOfOffice) =>
        Rep(id, [], null, capacity, hours, outOfOffice);

    public static Rep Rep(string id, IReadOnlyList<string> territories, Segment? segment, int capacity = 8, WorkingHours? hours = null, params DateRange[] outOfOffice) => new(
        id,
        $"Rep {id}",
        $"{id}@example.com",
        new CrmOwnerIds($"hs-{id}", $"sf-{id}"),
        RepRole.AE,
        territories,
        segment,
        capacity,
        hours ?? WorkingHours.Always(TimeZoneInfo.Utc),
        outOfOffice,
        "mgr");

    public static Pool Pool(params string[] members) => new("pool", members, new PoolOverflow("overflow-queue", "mgr"));

    public static Dictionary<string, Rep> ById(params Rep[] reps) => reps.ToDictionary(rep => rep.Id);
}
