namespace PqlGrains.Routing.Model;

/// <summary>
/// When a rep takes new leads, in the rep's own IANA time zone. A shift whose end is before its
/// start runs past midnight (e.g. 22:00-06:00) and belongs to the day it starts on.
/// </summary>
public sealed record WorkingHours(TimeZoneInfo TimeZone, IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, bool AlwaysOn)
{
    private static readonly IReadOnlySet<DayOfWeek> AllDays = Enum.GetValues<DayOfWeek>().ToHashSet();

    /// <summary>On shift at every instant (demo reps, follow-the-sun queues).</summary>
    public static WorkingHours Always(TimeZoneInfo timeZone) =>
        new(timeZone, AllDays, TimeOnly.MinValue, TimeOnly.MaxValue, AlwaysOn: true);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public bool IsOnShift(DateTimeOffset instant)
    {
        if (AlwaysOn)
        {
            return true;
        }

        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (Start <= End)
        {
            return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
        }

        // Overnight shift: the evening part belongs to today, the early-morning part to yesterday's shift.
        return (time >= Start && Days.Contains(local.DayOfWeek))
            || (time < End && Days.Contains(local.AddDays(-1).DayOfWeek));
    }
}
