namespace PqlGrains.Calibration.Outcomes;

/// <summary>
/// One rep verdict on a lead exported from a cluster: one line of <c>feedback.ndjson</c>.
/// </summary>
/// <param name="Subject">The lead's subject, <c>account:{id}</c> or <c>user:{id}</c>.</param>
/// <param name="UserId">The user the lead named as contact: the user whose snapshots the verdict labels.</param>
/// <param name="QualifiedAt">When the lead crossed its tier: what the verdict judges, so labels anchor here rather than on the click.</param>
/// <param name="GivenAt">When the rep gave the verdict.</param>
public sealed record FeedbackRecord(
    string LeadId,
    string Subject,
    string UserId,
    string? AccountId,
    FeedbackVerdict Verdict,
    string DefinitionVersion,
    DateTimeOffset QualifiedAt,
    DateTimeOffset GivenAt,
    string? Tier = null,
    string? Note = null);
