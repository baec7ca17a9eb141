using PqlGrains.Routing.Enrichment;

namespace PqlGrains.Routing.Brief;

/// <summary>
/// Everything a rep must see within a minute of the alert: who, how hot, why, and what to say.
/// Rendered into CRM task subjects/bodies by <see cref="LeadBriefText"/> and into Slack by the Slack connector.
/// </summary>
/// <param name="Signals">Each signal's contribution, any order; the strongest drives the opening line.</param>
/// <param name="TopSignals">The plain-language top signals in the order the scoring engine ranks them.</param>
/// <param name="ThresholdCrossedAt">When the lead crossed into its tier.</param>
/// <param name="LeadUrl">The lead in the PqlGrains API (GET /api/leads/{leadId}).</param>
public sealed record LeadBrief(
    string LeadId,
    BriefAccount? Account,
    BriefContact Contact,
    double Score,
    string Tier,
    double? ScoreYesterday,
    IReadOnlyList<SignalContribution> Signals,
    IReadOnlyList<CategoryScore> Categories,
    IReadOnlyList<string> TopSignals,
    int? ActiveUsers7Days,
    IReadOnlyList<string> FeaturesUsed7Days,
    PlanUsage? Plan,
    Firmographics? Firmographics,
    DateTimeOffset ThresholdCrossedAt,
    Uri LeadUrl,
    string DefinitionVersion)
{
    /// <summary>The account name, company domain, or the contact when there is no company.</summary>
    public string AccountDisplay => Account?.Name ?? Firmographics?.CompanyName ?? Account?.Domain ?? Account?.Id ?? Contact.Display;

    public SignalContribution? StrongestSignal => Signals.Count == 0 ? null : Signals.MaxBy(signal => signal.Points);

    public string SuggestedOpeningLine => OpeningLine.Suggest(this);

    public TimeSpan SinceThreshold(DateTimeOffset now) => now > ThresholdCrossedAt ? now - ThresholdCrossedAt : TimeSpan.Zero;
}
