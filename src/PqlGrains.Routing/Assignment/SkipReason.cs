namespace PqlGrains.Routing.Assignment;

/// <summary>Why a pool member did not get the lead.</summary>
public enum SkipReason
{
    /// <summary>Outside the rep's working hours in their time zone.</summary>
    OffShift,

    /// <summary>Inside one of the rep's out-of-office date ranges.</summary>
    OutOfOffice,

    /// <summary>Open leads already at or above the rep's capacity.</summary>
    AtCapacity,

    /// <summary>The rep just missed this lead's SLA; a re-queue never returns it to them.</summary>
    PreviousAssignee,

    /// <summary>The rep lists territories and the company's country/region is in none of them.</summary>
    OutsideTerritory,

    /// <summary>The rep works one segment and the lead is in the other.</summary>
    OtherSegment,

    /// <summary>The pool names a rep that the routing file no longer lists.</summary>
    UnknownRep,
}
