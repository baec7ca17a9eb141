using PqlGrains.Abstractions.Users;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Users;

/// <summary>
/// What a lead brief wants beyond the current score: the score as the previous UTC day ended (the last one evaluated
/// that day; the engine cannot evaluate the past once newer events are in) and the features activated lately.
/// </summary>
[GenerateSerializer]
public sealed class UserRecentActivity
{
    public const string FeatureActivatedEvent = "feature.activated";
    private const int MaxFeatures = 20;
    private static readonly TimeSpan FeatureWindow = TimeSpan.FromDays(7);

    [Id(0)] public DateOnly? LastEvaluatedDay { get; set; }

    [Id(1)] public double LastEvaluatedScore { get; set; }

    [Id(2)] public DateOnly? PreviousDay { get; set; }

    [Id(3)] public double PreviousDayScore { get; set; }

    /// <summary>Feature name and when it was last activated, most recent first, bounded.</summary>
    [Id(4)] public List<RecentFeature> Features { get; set; } = [];

    public void RecordScore(DateTimeOffset at, double score)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (LastEvaluatedDay is { } last && day > last)
        {
            PreviousDay = last;
            PreviousDayScore = LastEvaluatedScore;
        }

        if (LastEvaluatedDay is null || day >= LastEvaluatedDay)
        {
            LastEvaluatedDay = day;
            LastEvaluatedScore = score;
        }
    }

    public void Observe(ScoringEvent scoringEvent)
    {
        if (scoringEvent.Type != EventType.Track
            || !string.Equals(scoringEvent.Name, FeatureActivatedEvent, StringComparison.Ordinal)
            || TraitValues.Text(scoringEvent.Properties, "feature", "feature_name", "name") is not { } feature)
        {
            return;
        }

        var index = Features.FindIndex(seen => string.Equals(seen.Feature, feature, StringComparison.Ordinal));
        if (index >= 0)
        {
            if (Features[index].At >= scoringEvent.Timestamp)
            {
                return;
            }

            Features.RemoveAt(index);
        }

        var position = Features.FindIndex(seen => seen.At < scoringEvent.Timestamp);
        Features.Insert(position < 0 ? Features.Count : position, new RecentFeature(feature, scoringEvent.Timestamp));
        if (Features.Count > MaxFeatures)
        {
            Features.RemoveAt(Features.Count - 1);
        }
    }

    public UserBriefFacts Facts(DateTimeOffset now)
    {
        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        double? scoreYesterday = PreviousDay == yesterday ? PreviousDayScore
            : LastEvaluatedDay == yesterday ? LastEvaluatedScore
            : null;
        return new UserBriefFacts(scoreYesterday, [.. Features.Where(seen => now - seen.At <= FeatureWindow).Select(seen => seen.Feature)]);
    }
}
