namespace PqlGrains.Routing.Model;

/// <summary>A person who can receive leads.</summary>
/// <param name="Territories">Country codes (ISO 3166-1 alpha-2) or region names the rep covers; empty covers everywhere.</param>
/// <param name="Segment">The segment the rep works, or null for any.</param>
/// <param name="Capacity">Open leads the rep can work at once; a rep at capacity gets no more.</param>
public sealed record Rep(
    string Id,
    string Name,
    string Email,
    CrmOwnerIds CrmOwnerIds,
    RepRole Role,
    IReadOnlyList<string> Territories,
    Segment? Segment,
    int Capacity,
    WorkingHours WorkingHours,
    IReadOnlyList<DateRange> OutOfOffice,
    string? ManagerId)
{
    /// <summary>The out-of-office period covering the instant (in the rep's time zone), if any.</summary>
    public DateRange? OutOfOfficeAt(DateTimeOffset instant)
    {
        var today = DateOnly.FromDateTime(WorkingHours.ToLocal(instant).DateTime);
        return OutOfOffice.FirstOrDefault(range => range.Contains(today));
    }
}
