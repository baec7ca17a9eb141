using System.Collections.Concurrent;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Gateway.Tests;

/// <summary>Records what the gateway hands over; can be told to fail like an unavailable cluster.</summary>
internal sealed class RecordingIngestor : IEventIngestor
{
    private readonly ConcurrentQueue<IReadOnlyList<ScoringEvent>> _calls = new();

    public Exception? Failure { get; set; }

    public IReadOnlyList<IReadOnlyList<ScoringEvent>> Calls => [.. _calls];

    public IReadOnlyList<ScoringEvent> Events => [.. _calls.SelectMany(call => call)];

    public Task IngestAsync(IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }

        _calls.Enqueue([.. events]);
        return Task.CompletedTask;
    }
}
