using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// Copies the active definition's tier crossings into every running shadow's ledger, so a report compares both
/// over the same period. Best effort: a ledger that cannot be reached never holds back a real lead.
/// </summary>
internal sealed partial class ShadowComparisonObserver(
    ActiveDefinitions definitions,
    IGrainFactory grains,
    ILogger<ShadowComparisonObserver> logger) : ITierChangeObserver
{
    public async Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken)
    {
        var shadows = definitions.Shadows;
        if (shadows.Count == 0 || change.NewTier is null)
        {
            return;
        }

        var lead = WouldBeLeads.From(change);
        foreach (var shadow in shadows)
        {
            try
            {
                await grains.GetGrain<IShadowLedgerGrain>(shadow.DefinitionVersion).RecordActive(lead);
            }
            catch (Exception exception)
            {
                LogRecordFailed(exception, shadow.DefinitionVersion, change.SubjectId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not copy an active tier change of {SubjectId} to the ledger of shadow {Version}; the shadow report undercounts it")]
    private partial void LogRecordFailed(Exception exception, string version, string subjectId);
}
