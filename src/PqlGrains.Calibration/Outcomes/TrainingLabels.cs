using PqlGrains.Calibration.Metrics;

namespace PqlGrains.Calibration.Outcomes;

/// <summary>
/// What a training snapshot (a user at a cut-off) learns from: recorded conversions and rep verdicts.
/// <list type="bullet">
/// <item>A conversion, or a lead the rep called <c>good</c>, is a positive outcome at the time it happened
/// (for a verdict, when the lead qualified: that is what the rep judged, the click can lag by days).
/// Snapshots whose label window holds the first positive outcome are positive; later ones are left out,
/// as for a paying user (the user is in sales' hands).</item>
/// <item><c>not_a_fit</c> confirms a negative: snapshots whose window holds that lead's qualification stay
/// negative and say so; a conversion in the same window still wins (a purchase is a fact, a verdict an opinion).</item>
/// <item><c>too_early</c> leaves out the snapshots whose window holds that lead's qualification, unless the user
/// converted within it. The rep says the interest was real but the timing was not: counting the snapshot as
/// negative would teach the model that those signals mean nothing, counting it as positive would claim a
/// purchase that did not happen. Later snapshots are labelled as usual, so a later conversion still counts.</item>
/// </list>
/// </summary>
public sealed class TrainingLabels
{
    private readonly ConversionLedger _conversions;
    private readonly Dictionary<string, DateTimeOffset> _goodAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FeedbackRecord>> _verdicts = new(StringComparer.Ordinal);

    public TrainingLabels(ConversionLedger conversions, IEnumerable<FeedbackRecord> feedback)
    {
        _conversions = conversions;
        foreach (var record in feedback)
        {
            if (!_verdicts.TryGetValue(record.UserId, out var list))
            {
                _verdicts.Add(record.UserId, list = []);
            }

            list.Add(record);
            if (record.Verdict == FeedbackVerdict.Good && (!_goodAt.TryGetValue(record.UserId, out var known) || record.QualifiedAt < known))
            {
                _goodAt[record.UserId] = record.QualifiedAt;
            }
        }

        Outcomes = new ConversionLedger(
            conversions.Entries.Select(c => (c.Key, c.Value)).Concat(_goodAt.Select(g => (g.Key, g.Value))));
    }

    /// <summary>First positive outcome per user: the earlier of its conversion and its first good verdict.</summary>
    public ConversionLedger Outcomes { get; }

    /// <summary>True when the user had a positive outcome at or before <paramref name="cutOff"/> (nothing left to predict).</summary>
    public bool Settled(string userId, DateTimeOffset cutOff) => Outcomes.TryGetConversion(userId, out var at) && at <= cutOff;

    /// <summary>The label of a snapshot of a user not yet <see cref="Settled"/>, or null when a too_early verdict leaves it out.</summary>
    public TrainingLabel? Label(string userId, DateTimeOffset cutOff, TimeSpan window)
    {
        var end = cutOff + window;
        if (_conversions.TryGetConversion(userId, out var convertedAt) && convertedAt > cutOff && convertedAt <= end)
        {
            return new TrainingLabel(true, LabelSource.Conversion);
        }

        if (_goodAt.TryGetValue(userId, out var goodAt) && goodAt > cutOff && goodAt <= end)
        {
            return new TrainingLabel(true, LabelSource.GoodFeedback);
        }

        if (_verdicts.TryGetValue(userId, out var verdicts))
        {
            var inWindow = verdicts.Where(v => v.QualifiedAt > cutOff && v.QualifiedAt <= end).ToList();
            if (inWindow.Any(v => v.Verdict == FeedbackVerdict.TooEarly))
            {
                return null;
            }

            if (inWindow.Any(v => v.Verdict == FeedbackVerdict.NotAFit))
            {
                return new TrainingLabel(false, LabelSource.NotAFitFeedback);
            }
        }

        return new TrainingLabel(false, LabelSource.NoOutcome);
    }
}
