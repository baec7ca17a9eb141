using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// Would-be leads of one shadow version beside the active definition's, for <see cref="Report"/>. Entries are
/// recorded only while the shadow runs, first crossing per (subject, tier), up to
/// <see cref="DefinitionOptions.MaxLedgerEntries"/> each side. Saved after every entry: crossings are rare
/// compared with events.
/// </summary>
internal sealed class ShadowLedgerGrain(
    [PersistentState("shadow-ledger", PqlStorageNames.Grains)] IPersistentState<ShadowLedgerState> state,
    IOptions<DefinitionOptions> options) : Grain, IShadowLedgerGrain
{
    private const int RecentLeads = 50;
    private const int ConversionPage = 1000;

    private ShadowLedgerState State => state.State;

    private bool Running => State.StartedAt is not null && State.StoppedAt is null;

    public async Task Start(DateTimeOffset at)
    {
        state.State = new ShadowLedgerState { StartedAt = at };
        await state.WriteStateAsync();
    }

    public async Task Stop(DateTimeOffset at)
    {
        if (Running)
        {
            State.StoppedAt = at;
            await state.WriteStateAsync();
        }
    }

    public Task RecordShadow(WouldBeLead lead) => RecordAsync(State.Shadow, lead);

    public Task RecordActive(WouldBeLead lead) => RecordAsync(State.Active, lead);

    public async Task<ShadowReport> Report()
    {
        var shadow = Highest(State.Shadow);
        var active = Highest(State.Active);
        var converted = await ConvertedSubjectsAsync();
        var overlap = shadow.Keys.Where(active.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var tiers = shadow.Values.Concat(active.Values).Select(lead => lead.Tier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ShadowReport(
            this.GetPrimaryKeyString(),
            [.. State.Active.Select(lead => lead.DefinitionVersion).Distinct(StringComparer.Ordinal)],
            State.StartedAt,
            State.StoppedAt,
            shadow.Count,
            active.Count,
            overlap.Count,
            [.. tiers.Select(tier => new ShadowTierCount(tier, shadow.Values.Count(lead => lead.Tier == tier), active.Values.Count(lead => lead.Tier == tier)))],
            converted.Count,
            shadow.Keys.Count(converted.Contains),
            active.Keys.Count(converted.Contains),
            overlap.Count(converted.Contains),
            [.. Enumerable.Reverse(State.Shadow).Take(RecentLeads)],
            State.Truncated);
    }

    private async Task RecordAsync(List<WouldBeLead> leads, WouldBeLead lead)
    {
        if (!Running || leads.Exists(known => known.Subject == lead.Subject && known.Tier == lead.Tier))
        {
            return;
        }

        if (leads.Count >= options.Value.MaxLedgerEntries)
        {
            State.Truncated = true;
            return;
        }

        leads.Add(lead);
        await state.WriteStateAsync();
    }

    /// <summary>Per subject, the latest tier it crossed into (the tier a lead would carry now).</summary>
    private static Dictionary<string, WouldBeLead> Highest(List<WouldBeLead> leads)
    {
        var bySubject = new Dictionary<string, WouldBeLead>(StringComparer.Ordinal);
        foreach (var lead in leads)
        {
            bySubject[lead.Subject] = lead;
        }

        return bySubject;
    }

    /// <summary>Subjects the leads API recorded a conversion for since the shadow started.</summary>
    private async Task<HashSet<string>> ConvertedSubjectsAsync()
    {
        var converted = new HashSet<string>(StringComparer.Ordinal);
        if (State.StartedAt is not { } since)
        {
            return converted;
        }

        var registry = GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key);
        for (var offset = 0; ; offset += ConversionPage)
        {
            // Newest first: stop at the first conversion older than the shadow.
            var page = await registry.Conversions(offset, ConversionPage);
            foreach (var conversion in page)
            {
                if (conversion.At < since)
                {
                    return converted;
                }

                converted.Add(conversion.Subject);
            }

            if (page.Length < ConversionPage)
            {
                return converted;
            }
        }
    }
}
