namespace PqlGrains.Routing.Loading;

// The file as written. Scalars stay strings so the validator can say exactly which value is wrong
// instead of failing inside the deserializer.
internal sealed class RoutingFileDocument
{
    public string? Version { get; set; }

    public SegmentationDocument? Segmentation { get; set; }

    public List<ManagerDocument>? Managers { get; set; }

    public List<RepDocument>? Reps { get; set; }

    public List<PoolDocument>? Pools { get; set; }

    public List<RuleDocument>? Rules { get; set; }
}

internal sealed class SegmentationDocument
{
    public string? EnterpriseMinEmployees { get; set; }

    public string? EnterpriseArrAbove { get; set; }
}

internal sealed class CrmOwnerIdsDocument
{
    public string? Hubspot { get; set; }

    public string? Salesforce { get; set; }
}

internal sealed class ManagerDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public CrmOwnerIdsDocument? CrmOwnerIds { get; set; }
}

internal sealed class RepDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public CrmOwnerIdsDocument? CrmOwnerIds { get; set; }

    public string? Role { get; set; }

    public List<string>? Territories { get; set; }

    public string? Segment { get; set; }

    public string? Capacity { get; set; }

    public WorkingHoursDocument? WorkingHours { get; set; }

    public List<DateRangeDocument>? OutOfOffice { get; set; }

    public string? Manager { get; set; }
}

internal sealed class WorkingHoursDocument
{
    public string? TimeZone { get; set; }

    public List<string>? Days { get; set; }

    public string? Start { get; set; }

    public string? End { get; set; }

    public string? Always { get; set; }
}

internal sealed class DateRangeDocument
{
    public string? From { get; set; }

    public string? To { get; set; }
}

internal sealed class PoolDocument
{
    public string? Id { get; set; }

    public List<string>? Members { get; set; }

    public OverflowDocument? Overflow { get; set; }
}

internal sealed class OverflowDocument
{
    public string? Queue { get; set; }

    public string? Manager { get; set; }
}

internal sealed class RuleDocument
{
    public string? Id { get; set; }

    public MatchDocument? Match { get; set; }

    public string? Action { get; set; }

    public string? Pool { get; set; }
}

internal sealed class MatchDocument
{
    public List<string>? Tiers { get; set; }

    public List<string>? Segments { get; set; }

    public List<string>? Countries { get; set; }

    public List<string>? Regions { get; set; }

    public List<string>? Motions { get; set; }
}
