namespace PqlGrains.Calibration.Outcomes;

/// <summary>A rep's verdict on a lead, as the leads API and <c>feedback.ndjson</c> spell it (good, too_early, not_a_fit).</summary>
public enum FeedbackVerdict
{
    Good,
    TooEarly,
    NotAFit,
}
