using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>A caller waiting for its events to be in the log.</summary>
internal sealed class PendingAppend(ScoringEvent[] events)
{
    private readonly TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScoringEvent[] Events { get; } = events;

    public Task Logged => _logged.Task;

    public void Complete() => _logged.TrySetResult();

    public void Fail(Exception exception) => _logged.TrySetException(exception);
}
