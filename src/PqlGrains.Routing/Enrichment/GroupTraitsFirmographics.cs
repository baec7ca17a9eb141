namespace PqlGrains.Routing.Enrichment;

/// <summary>
/// Firmographics from a Segment <c>group</c> call's traits (flattened with dotted keys, e.g. <c>address.country</c>):
/// <c>name</c>, <c>employees</c>, <c>industry</c>, <c>address.country</c> or <c>country</c>, <c>region</c>, <c>estimated_arr</c>.
/// </summary>
public static class GroupTraitsFirmographics
{
    public const string SourceName = "group traits";

    public static Firmographics? From(IReadOnlyDictionary<string, string?>? traits)
    {
        if (traits is null || traits.Count == 0)
        {
            return null;
        }

        var facts = FirmographicsFacts.From(key => traits.TryGetValue(key, out var value) ? value : null, SourceName);
        return facts.IsEmpty ? null : facts;
    }
}
