using PqlGrains.Scoring.Events;
using PqlGrains.Segment;

namespace PqlGrains.Calibration.Replay;

/// <summary>
/// Product events in event-time order (ties keep file order), ready to replay any number of
/// times. Arrival order never matters to the engine, but a backtest records when each subject
/// first crossed a tier, which needs time order.
/// </summary>
public sealed class EventHistory
{
    private EventHistory(ScoringEvent[] events, IReadOnlyList<SegmentRejection> rejections)
    {
        Events = events;
        Rejections = rejections;
    }

    public IReadOnlyList<ScoringEvent> Events { get; }

    /// <summary>Lines of the file that were not valid Segment messages (skipped, reported).</summary>
    public IReadOnlyList<SegmentRejection> Rejections { get; }

    public DateTimeOffset First => Events.Count == 0 ? default : Events[0].Timestamp;

    public DateTimeOffset Last => Events.Count == 0 ? default : Events[^1].Timestamp;

    public static EventHistory FromEvents(IEnumerable<ScoringEvent> events) =>
        new(events.OrderBy(e => e.Timestamp.UtcTicks).ToArray(), []);

    /// <summary>Reads a Segment NDJSON file (one message or one batch per line).</summary>
    public static async Task<EventHistory> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The events file {path} does not exist; pass a Segment NDJSON file (e.g. from `pql simulate --out DIR`, DIR/events.ndjson).", path);
        }

        var events = new List<ScoringEvent>();
        var rejections = new List<SegmentRejection>();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await foreach (var record in SegmentNdjsonReader.ReadAsync(stream, cancellationToken))
        {
            if (record.Event is { } scoringEvent)
            {
                events.Add(scoringEvent);
            }
            else if (record.Rejection is { } rejection)
            {
                rejections.Add(rejection);
            }
        }

        return new EventHistory(events.OrderBy(e => e.Timestamp.UtcTicks).ToArray(), rejections);
    }
}
