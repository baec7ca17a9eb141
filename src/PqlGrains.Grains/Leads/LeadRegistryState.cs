using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Leads;

[GenerateSerializer]
public sealed class LeadRegistryState
{
    [Id(0)] public Dictionary<string, LeadSummary> Leads { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most recent last.</summary>
    [Id(1)] public List<DeadLetter> DeadLetters { get; set; } = [];

    /// <summary>Most recent last.</summary>
    [Id(2)] public List<Conversion> Conversions { get; set; } = [];

    /// <summary>A copy to store while the live listing keeps changing; the entries are immutable records, so shallow.</summary>
    public LeadRegistryState Copy() => new()
    {
        Leads = new Dictionary<string, LeadSummary>(Leads, StringComparer.Ordinal),
        DeadLetters = [.. DeadLetters],
        Conversions = [.. Conversions],
    };
}
