using PqlGrains.Calibration.Metrics;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Calibration.Replay;

/// <summary>The per-subject outcome of replaying a history under one definition.</summary>
public sealed class ReplayResult(PqlDefinition definition, SubjectLevel level, long eventsReplayed, IReadOnlyDictionary<string, SubjectReplay> subjects)
{
    public PqlDefinition Definition { get; } = definition;

    public SubjectLevel Level { get; } = level;

    public long EventsReplayed { get; } = eventsReplayed;

    public IReadOnlyDictionary<string, SubjectReplay> Subjects { get; } = subjects;

    public IReadOnlyCollection<string> ActiveIn(BacktestWindow window) =>
        Subjects.Values.Where(s => s.WasActive(window)).Select(s => s.Id).ToList();

    /// <summary>First time each subject reached <paramref name="threshold"/> (unsuppressed).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FlagsAt(double threshold)
    {
        var flags = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var subject in Subjects.Values)
        {
            if (subject.Trajectory.FirstReached(threshold) is { } at)
            {
                flags[subject.Id] = at;
            }
        }

        return flags;
    }
}
