namespace PqlGrains.Routing.Model;

/// <summary>An inclusive range of calendar days (an out-of-office period), read in the rep's time zone.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
