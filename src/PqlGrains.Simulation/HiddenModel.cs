namespace PqlGrains.Simulation;

/// <summary>
/// The ground truth behind a simulated product, kept out of the event stream so backtests and
/// calibration have something real to find.
/// <para>
/// Every user has a latent intent z. Company users: z = 0.6 z_account + 0.8 N(0,1) + 0.15 log10(employees);
/// personal users: z = N(0,1) - 0.4. Intent drives how often a user is active and which behaviours
/// appear (see the Behaviour* members), and churn: P(churn on a day) = sigmoid(ChurnIntercept -
/// 0.7 z + 0.08 idle days). Churned users emit nothing more.
/// </para>
/// <para>
/// Conversion is a daily hazard evaluated at the end of each active day, after that day's events:
/// P(convert) = sigmoid(ConversionIntercept + sum of weight x evidence + IntentWeight z + N(0, NoiseSigma)).
/// Evidence decays like the engine's default (half-life 7 days, whole days) but the weights differ
/// from the shipped default definition on purpose: an API key, a paid integration, usage near the
/// limit and invites are what really predict purchase; billing-page visits carry no purchase signal
/// of their own and come more from low-intent tire-kickers (P = sigmoid(-1.6 - 0.3 z) per active day),
/// exports are pure noise (zero), help-doc visits are slightly negative (stuck users). The shipped
/// default gives billing visits its most points, so a model fitted on the data can beat its ranking.
/// </para>
/// Once a user converts, their account is paying and no teammate converts again.
/// </summary>
public sealed record HiddenModel
{
    public static HiddenModel Default { get; } = new();

    public double ConversionIntercept { get; init; } = -6.8;

    /// <summary>Applies once the user has created an API key (never decays: integrations keep using it).</summary>
    public double ApiKeyWeight { get; init; } = 1.5;

    /// <summary>Per decayed invite, evidence capped at 3.</summary>
    public double InviteWeight { get; init; } = 0.55;

    /// <summary>Decayed indicator of a usage report at ratio >= 0.8, capped at 1.</summary>
    public double UsageNearLimitWeight { get; init; } = 1.1;

    /// <summary>Decayed indicator of a paid integration connected, capped at 1.</summary>
    public double PaidIntegrationWeight { get; init; } = 1.0;

    /// <summary>Per distinct feature activated within the last 14 days.</summary>
    public double DistinctFeatureWeight { get; init; } = 0.25;

    /// <summary>Per decayed billing/pricing visit day, capped at 2: none on purpose (see the class summary).</summary>
    public double BillingVisitWeight { get; init; }

    /// <summary>Exports carry no information about purchase.</summary>
    public double ExportWeight { get; init; }

    /// <summary>Per decayed help-doc visit, capped at 2: stuck users buy less.</summary>
    public double HelpDocWeight { get; init; } = -0.3;

    /// <summary>Unobserved intent: the part of conversion no event explains.</summary>
    public double IntentWeight { get; init; } = 0.4;

    public double NoiseSigma { get; init; } = 0.5;

    public double ChurnIntercept { get; init; } = -4.5;

    /// <summary>Daily evidence decay: 7-day half-life.</summary>
    public double DailyDecay { get; init; } = Math.Pow(0.5, 1.0 / 7.0);

    internal double ConversionLogit(UserEvidence evidence, double intent, double noise) =>
        ConversionIntercept
        + (evidence.HasApiKey ? ApiKeyWeight : 0)
        + InviteWeight * Math.Min(evidence.Invites, 3)
        + UsageNearLimitWeight * Math.Min(evidence.UsageNearLimit, 1)
        + PaidIntegrationWeight * Math.Min(evidence.PaidIntegration, 1)
        + DistinctFeatureWeight * evidence.DistinctFeatures14Days
        + BillingVisitWeight * Math.Min(evidence.BillingVisits, 2)
        + ExportWeight * evidence.Exports
        + HelpDocWeight * Math.Min(evidence.HelpDocs, 2)
        + IntentWeight * intent
        + noise;

    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
