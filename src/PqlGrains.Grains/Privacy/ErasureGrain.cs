using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Privacy;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Users;

namespace PqlGrains.Grains.Privacy;

/// <summary>
/// Runs one erasure: the user first (so no new lead context can read them), then every lead subject that could name
/// them, the tier-change feed, and the audit. Each step is idempotent: a failed request is safe to repeat.
/// </summary>
internal sealed partial class ErasureGrain(TimeProvider time, ILogger<ErasureGrain> logger) : Grain, IErasureGrain
{
    private readonly ILogger<ErasureGrain> _logger = logger;

    // The user forgets its accounts when erased: a request repeated after a failed lead step still needs them.
    private string[] _accounts = [];

    private string UserId => this.GetPrimaryKeyString();

    public async Task<ErasureReport> Erase(string requestedBy)
    {
        var user = await GrainFactory.GetGrain<IUserGrain>(UserId).Erase();
        _accounts = [.. _accounts.Union(user.AccountIds, StringComparer.Ordinal)];
        var subjects = _accounts.Select(LeadKeys.Account).Append(LeadKeys.User(UserId));
        var leads = await Task.WhenAll(subjects.Select(subject => GrainFactory.GetGrain<ILeadGrain>(subject).EraseContact(UserId)));
        await GrainFactory.GetGrain<ITierChangeFeedGrain>(0).Forget(UserId);

        var report = new ErasureReport(
            user.Known || leads.Any(lead => lead.LeadIds.Length > 0),
            UserRef.Of(UserId),
            time.GetUtcNow(),
            user.EventsDeleted,
            _accounts,
            [.. leads.SelectMany(lead => lead.LeadIds)],
            leads.Sum(lead => lead.PendingDeliveries),
            [.. leads.SelectMany(lead => lead.ExternalRecords)],
            user.ErasedThroughSequence);
        if (report.Known)
        {
            await GrainFactory.GetGrain<IErasureAuditGrain>(0).Record(new ErasureAuditEntry(
                report.ErasedAt, requestedBy, report.UserRef, report.EventsDeleted, report.AccountIds.Length, report.LeadIds.Length, report.ExternalRecords.Length));
            LogErased(report.UserRef, requestedBy, report.EventsDeleted, report.LeadIds.Length);
        }

        DeactivateOnIdle();
        return report;
    }

    // The user is named by reference only: logs outlive erasure requests.
    [LoggerMessage(Level = LogLevel.Information, Message = "Erased user {UserRef} on request of {RequestedBy}: {Events} events, {Leads} leads redacted")]
    private partial void LogErased(string userRef, string requestedBy, int events, int leads);
}
