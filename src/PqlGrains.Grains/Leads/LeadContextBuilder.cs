using System.Globalization;
using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Scores;
using PqlGrains.Abstractions.Users;
using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Model;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// Gathers the brief for a lead: the subject's current views (contact, account, signals), then enrichment (company
/// domain, firmographics, segment). A view that cannot be read leaves its facts out rather than blocking the lead.
/// </summary>
public sealed partial class LeadContextBuilder(IGrainFactory grains, LeadEnricher enricher, ILogger<LeadContextBuilder> logger)
{
    public async Task<LeadContext> BuildAsync(TierChanged change, SegmentThresholds thresholds, CancellationToken cancellationToken)
    {
        var accountId = change.Kind == SubjectKind.Account ? change.SubjectId : change.AccountId;
        var accountRead = accountId is null ? Task.FromResult<AccountView?>(null) : ReadAsync(() => grains.GetGrain<IAccountGrain>(accountId).GetView(), "account", accountId);
        // A user lead knows its contact up front, so the three reads overlap; an account lead picks its contact
        // from the account view first.
        var contactId = change.Kind == SubjectKind.User
            ? change.SubjectId
            : (await accountRead)?.Users.OrderByDescending(member => member.Score).FirstOrDefault()?.UserId ?? change.SubjectId;
        var userRead = ReadAsync(() => grains.GetGrain<IUserGrain>(contactId).GetView(), "user", contactId);
        var factsRead = ReadAsync(() => grains.GetGrain<IUserGrain>(contactId).GetBriefFacts(), "user", contactId);
        await Task.WhenAll(accountRead, userRead, factsRead);
        var (account, user, facts) = (await accountRead, await userRead, await factsRead);
        var member = account?.Users.FirstOrDefault(candidate => candidate.UserId == contactId);
        var email = user?.Traits.Email ?? member?.Email;
        var summary = change.Kind == SubjectKind.Account ? account?.Score : user?.Score;

        var enrichment = await enricher.EnrichAsync(email, GroupTraits(account?.Traits), thresholds, cancellationToken);
        var firm = enrichment.Firmographics;
        var company = new LeadCompany(
            enrichment.CompanyDomain,
            firm?.CompanyName ?? account?.Traits.Name ?? user?.Traits.Company,
            firm?.Employees,
            firm?.Industry,
            firm?.Country,
            firm?.Region,
            firm?.EstimatedArr,
            firm?.Source ?? "none",
            enrichment.Segment.Segment.ToString(),
            enrichment.Segment.Reason,
            enrichment.PersonalEmail);

        return new LeadContext(
            accountId,
            account?.Traits.Name ?? company.Name,
            contactId,
            user?.Traits.Name,
            email,
            change.Score,
            change.NewTier ?? string.Empty,
            // Yesterday's score is the subject's own: a user's beside a user's score, the roll-up's beside the roll-up's.
            change.Kind == SubjectKind.User ? facts?.ScoreYesterday : account?.ScoreYesterday,
            Signals(summary),
            summary?.TopSignals ?? [],
            account?.ActiveUsers7d,
            facts?.FeaturesUsed7Days ?? [],
            account?.Traits.Plan ?? user?.Traits.Plan,
            company,
            change.At,
            change.DefinitionVersion);
    }

    private static LeadSignal[] Signals(ScoreSummary? summary) =>
        summary is null ? [] : [.. summary.Breakdown.Where(points => points.Points > 0).Select(points => new LeadSignal(points.Signal, points.Category, points.Points, Describe(points.Signal)))];

    // The scoring engine's explanations name signals by id; "billing_page_viewed" reads as "billing page viewed".
    private static string Describe(string signal) => signal.Replace('_', ' ').Replace('.', ' ');

    private static Dictionary<string, string?>? GroupTraits(AccountTraits? traits) => traits is null
        ? null
        : new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = traits.Name,
            ["domain"] = traits.Domain,
            ["employees"] = traits.Employees?.ToString(CultureInfo.InvariantCulture),
            ["country"] = traits.Country,
        };

    private async Task<T?> ReadAsync<T>(Func<Task<T?>> read, string kind, string id)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception exception)
        {
            LogViewUnavailable(exception, kind, id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the {Kind} view of {Id} for a lead brief; the lead opens with the facts it has")]
    private partial void LogViewUnavailable(Exception exception, string kind, string id);
}
