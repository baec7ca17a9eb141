using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Simulation;

namespace PqlGrains.Calibration.Tests.Replay;

public sealed class ReplayExactnessTests
{
    [Fact]
    public async Task FlagsSignalsAndTierCrossingsEqualAFullEvaluationAfterEveryEventOnASimulatedProduct()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pql-exact-" + Guid.NewGuid().ToString("N"));
        try
        {
            await SimulationFiles.WriteAsync(new SimulationOptions { Users = 400, Accounts = 60, Days = 40, Seed = 9 }, directory);
            var history = await EventHistory.LoadAsync(Path.Combine(directory, SimulationFiles.EventsFileName));
            var replay = BacktestReplay.Run(PqlDefinition.Default, history.Events, SubjectLevel.User);

            foreach (var threshold in new[] { 40.0, 60.0, 80.0, 120.0 })
            {
                Assert.Equal(NaiveFlags(history, threshold), replay.FlagsAt(threshold).OrderBy(f => f.Key, StringComparer.Ordinal));
            }

            var (signals, crossings) = NaiveSignalsAndCrossings(history);
            foreach (var (userId, subject) in replay.Subjects)
            {
                Assert.Equal(signals.GetValueOrDefault(userId, []).OrderBy(s => s.Key), subject.SignalsFired.OrderBy(s => s.Key));
                Assert.Equal(crossings.GetValueOrDefault(userId, []), subject.Crossings.Select(c => (c.Tier, c.At)));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The slow reference for signals and tiers: after every applied event, the full evaluation at its time; a signal
    /// fired the first time it holds points unsuppressed, and a tier above the previous event's is a crossing.
    /// </summary>
    private static (Dictionary<string, Dictionary<string, DateTimeOffset>> Signals, Dictionary<string, List<(string, DateTimeOffset)>> Crossings) NaiveSignalsAndCrossings(EventHistory history)
    {
        var states = new Dictionary<string, (Scoring.State.ScoringState State, int Rank)>();
        var signals = new Dictionary<string, Dictionary<string, DateTimeOffset>>();
        var crossings = new Dictionary<string, List<(string, DateTimeOffset)>>();
        var tiers = PqlDefinition.Default.Tiers.Select(t => t.Name).ToList();
        foreach (var scoringEvent in history.Events)
        {
            var userId = scoringEvent.UserId;
            var (state, previousRank) = states.TryGetValue(userId, out var held) ? held : (PqlDefinition.Default.CreateUserState(), -1);
            if ((state.Apply(scoringEvent) & ApplyOutcome.Duplicate) != 0)
            {
                states[userId] = (state, previousRank);
                continue;
            }

            var result = state.Evaluate(scoringEvent.Timestamp);
            var unsuppressed = result.Suppression == SuppressionReason.None;
            var rank = unsuppressed && result.Tier is { } tier ? tiers.IndexOf(tier.Name) : -1;
            if (rank > previousRank)
            {
                crossings.TryAdd(userId, []);
                crossings[userId].Add((tiers[rank], scoringEvent.Timestamp));
            }

            states[userId] = (state, rank);
            foreach (var signal in result.Signals.Where(s => unsuppressed && s.Points > 0))
            {
                signals.TryAdd(userId, []);
                signals[userId].TryAdd(signal.SignalId, scoringEvent.Timestamp);
            }
        }

        return (signals, crossings);
    }

    /// <summary>The slow reference: evaluate everything after every event.</summary>
    private static IEnumerable<KeyValuePair<string, DateTimeOffset>> NaiveFlags(EventHistory history, double threshold)
    {
        var states = new Dictionary<string, Scoring.State.ScoringState>();
        var flags = new SortedDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var scoringEvent in history.Events)
        {
            if (!states.TryGetValue(scoringEvent.UserId, out var state))
            {
                state = PqlDefinition.Default.CreateUserState();
                states.Add(scoringEvent.UserId, state);
            }

            state.Apply(scoringEvent);
            var result = state.Evaluate(scoringEvent.Timestamp);
            if (result.Suppression == SuppressionReason.None && result.Score >= threshold)
            {
                flags.TryAdd(scoringEvent.UserId, scoringEvent.Timestamp);
            }
        }

        return flags;
    }
}
