using PqlGrains.Calibration.Outcomes;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Calibration.Fitting;

/// <summary>
/// Builds training samples with the same engine that scores live: the events are replayed in time
/// order and, at each cut-off, every user who is active, not yet paying and not yet converted is
/// evaluated; the features are its per-signal decayed points at the cut-off (in the order of
/// <see cref="PqlDefinition.Signals"/>), the label comes from <see cref="TrainingLabels"/> (converted, or a lead
/// called good, within the label window after the cut-off). Only events before the cut-off shape the features, and the caller keeps cut-off plus
/// label window inside the training period, so nothing leaks from the validation period.
/// </summary>
public static class FeatureSnapshots
{
    /// <summary>Users with no activity for this long at a cut-off are left out (nobody would call them).</summary>
    public static TimeSpan InactiveAfter { get; } = TimeSpan.FromDays(14);

    public static TrainingSet Collect(
        PqlDefinition definition,
        IReadOnlyList<ScoringEvent> events,
        TrainingLabels labels,
        IReadOnlyList<DateTimeOffset> cutOffs,
        TimeSpan labelWindow)
    {
        var signalIndex = definition.Signals.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var states = new Dictionary<string, ScoringState>(StringComparer.Ordinal);
        var samples = new List<CalibrationSample>();
        var leftOut = 0;
        var next = 0;
        foreach (var cutOff in cutOffs.Order())
        {
            while (next < events.Count && events[next].Timestamp < cutOff)
            {
                var scoringEvent = events[next++];
                if (!states.TryGetValue(scoringEvent.UserId, out var state))
                {
                    state = definition.CreateUserState();
                    states.Add(scoringEvent.UserId, state);
                }

                state.Apply(scoringEvent);
            }

            foreach (var (userId, state) in states)
            {
                if (labels.Settled(userId, cutOff) || state.LastActivity is not { } last || cutOff - last > InactiveAfter)
                {
                    continue;
                }

                var result = state.Evaluate(cutOff);
                if (result.Suppression == SuppressionReason.AlreadyPaying)
                {
                    continue;
                }

                if (labels.Label(userId, cutOff, labelWindow) is not { } label)
                {
                    leftOut++;
                    continue;
                }

                var features = new double[signalIndex.Count];
                foreach (var signal in result.Signals)
                {
                    features[signalIndex[signal.SignalId]] = signal.Points;
                }

                samples.Add(new CalibrationSample(userId, cutOff, features, label.Positive, label.Source));
            }
        }

        return new TrainingSet(samples, leftOut);
    }
}
