using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Users;

/// <summary>
/// What a lead brief wants beyond the current score: the score recorded 24 hours earlier (the engine cannot evaluate
/// the past once newer events are in) and the features activated lately.
/// </summary>
[GenerateSerializer]
public sealed class UserRecentActivity
{
    public const string FeatureActivatedEvent = "feature.activated";
    private const int MaxFeatures = 20;
    private static readonly TimeSpan FeatureWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Feature name and when it was last activated, most recent first, bounded. Null until the first feature.activated
    /// event: an empty list would cost every user who never sends one 32 bytes while active.
    /// </summary>
    [Id(4)] public List<RecentFeature>? Features { get; set; }

    /// <summary>Scores as evaluated over the last day (Ids 0-3 held the previous-UTC-day score before it).</summary>
    [Id(5)] public ScoreHistory History { get; set; } = new();

    public void RecordScore(DateTimeOffset at, double score) => History.Record(at, score);

    public void Observe(ScoringEvent scoringEvent)
    {
        if (scoringEvent.Type != EventType.Track
            || !string.Equals(scoringEvent.Name, FeatureActivatedEvent, StringComparison.Ordinal)
            || TraitValues.Text(scoringEvent.Properties, "feature", "feature_name", "name") is not { } feature)
        {
            return;
        }

        var features = Features ??= [];
        var index = IndexOf(features, feature);
        if (index >= 0)
        {
            var seen = features[index];
            if (seen.At >= scoringEvent.Timestamp)
            {
                return;
            }

            features.RemoveAt(index);
            seen.At = scoringEvent.Timestamp;
            features.Insert(InsertionPoint(features, seen.At), seen);
            return;
        }

        features.Insert(InsertionPoint(features, scoringEvent.Timestamp), new RecentFeature(feature, scoringEvent.Timestamp));
        if (features.Count > MaxFeatures)
        {
            features.RemoveAt(features.Count - 1);
        }
    }

    // Plain loops: this runs for every feature.activated event on the ingest path, where FindIndex's lambdas
    // cost a closure allocation and a delegate call per entry (2.5% of the silo's CPU in a profile).
    private static int IndexOf(List<RecentFeature> features, string feature)
    {
        for (var i = 0; i < features.Count; i++)
        {
            if (string.Equals(features[i].Feature, feature, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Most recent first: before the first feature activated earlier than <paramref name="at"/>.</summary>
    private static int InsertionPoint(List<RecentFeature> features, DateTimeOffset at)
    {
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].At < at)
            {
                return i;
            }
        }

        return features.Count;
    }

    public UserBriefFacts Facts(DateTimeOffset now)
    {
        return new UserBriefFacts(History.DayBefore(now), [.. (Features ?? []).Where(seen => now - seen.At <= FeatureWindow).Select(seen => seen.Feature)]);
    }
}
