using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Simulation;

namespace PqlGrains.Calibration.Tests.Replay;

public sealed class ReplayExactnessTests
{
    [Fact]
    public async Task FlagsEqualAFullEvaluationAfterEveryEventOnASimulatedProduct()
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
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
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
