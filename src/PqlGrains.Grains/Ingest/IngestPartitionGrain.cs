using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Users;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// One partition of the ingest log. Reentrant on purpose: appends arriving while a log write is
/// in flight queue up and go to the log together in the next round trip (group commit), and
/// dispatch to user grains runs beside appends instead of blocking them. All state is touched
/// only on the activation's scheduler, so no locks.
/// </summary>
[Reentrant]
internal sealed partial class IngestPartitionGrain : Grain, IIngestPartitionGrain, IRemindable
{
    private const string KeepAliveReminder = "ingest-partition-keep-alive";

    private readonly IPersistentState<PartitionWatermark> _watermark;
    private readonly IEventLog _log;
    private readonly IngestOptions _options;
    private readonly ILogger<IngestPartitionGrain> _logger;
    private readonly TimeProvider _time;
    private readonly DispatchBuffer _buffer;
    private readonly DispatchPacing _pacing;
    private readonly StringKeyedGrains<IUserGrain> _users;
    private readonly IngestMetrics _metrics;
    private readonly UserDeliveryGrouping _grouping = new();

    private List<PendingAppend> _pending = [];
    private Task _flushing = Task.CompletedTask;
    private Task _dispatching = Task.CompletedTask;
    private TaskCompletionSource _dispatchProgress = NewSignal();
    private Exception? _broken;
    private bool _released;
    private int _partition;
    private long _loggedUpTo;
    private long _dispatchedUpTo;
    private long _watermarkSavedAt;

    public IngestPartitionGrain(
        [PersistentState("ingest-partition", PqlStorageNames.Grains)] IPersistentState<PartitionWatermark> watermark,
        IEventLog log,
        IOptions<IngestOptions> options,
        ILogger<IngestPartitionGrain> logger,
        TimeProvider time,
        StringKeyedGrains<IUserGrain> users,
        IngestMetrics metrics)
    {
        _watermark = watermark;
        _metrics = metrics;
        _users = users;
        _log = log;
        _options = options.Value;
        _logger = logger;
        _time = time;
        _buffer = new DispatchBuffer(_options.MaxBufferedEvents);
        _pacing = new DispatchPacing(_options, time);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _partition = checked((int)this.GetPrimaryKeyLong());
        _loggedUpTo = await _log.GetLastSequenceAsync(_partition, cancellationToken);

        // A watermark ahead of the log means the log was reset under a kept grain state: the log wins.
        _dispatchedUpTo = Math.Min(_watermark.State.DispatchedUpTo, _loggedUpTo);
        _watermarkSavedAt = _time.GetTimestamp();
        ReportProgress();

        if (_options.KeepAlivePeriod > TimeSpan.Zero)
        {
            await this.RegisterOrUpdateReminder(KeepAliveReminder, _options.KeepAlivePeriod, _options.KeepAlivePeriod);
        }

        if (_dispatchedUpTo < _loggedUpTo)
        {
            LogRedispatching(_partition, _loggedUpTo - _dispatchedUpTo, _dispatchedUpTo);
            StartDispatching();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A flush or round still finishing must not report the partition again: its next activation may be elsewhere.
        _released = true;
        _metrics.Released(_partition);
        if (_watermark.State.DispatchedUpTo != _dispatchedUpTo)
        {
            _watermark.State.DispatchedUpTo = _dispatchedUpTo;
            await _watermark.WriteStateAsync(cancellationToken);
        }
    }

    public async Task Append(ScoringEventBatch batch)
    {
        if (batch.Events.Length == 0)
        {
            return;
        }

        while (_loggedUpTo - _dispatchedUpTo > _options.MaxUndispatchedEvents && _broken is null)
        {
            await _dispatchProgress.Task;
        }

        ThrowIfBroken();
        var pending = new PendingAppend(batch.Events);
        _pending.Add(pending);
        if (_flushing.IsCompleted)
        {
            _flushing = FlushAsync();
        }

        await pending.Logged;
    }

    public Task<PartitionProgress> GetProgress() =>
        Task.FromResult(new PartitionProgress(_partition, _loggedUpTo, _dispatchedUpTo));

    public Task Wake()
    {
        ResumeDispatchIfBehind();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ResumeDispatchIfBehind();
        return Task.CompletedTask;
    }

    private void ResumeDispatchIfBehind()
    {
        if (_dispatchedUpTo < _loggedUpTo)
        {
            StartDispatching();
        }
    }

    private async Task FlushAsync()
    {
        while (_pending.Count > 0 && _broken is null)
        {
            var appends = _pending;
            _pending = [];
            var events = Concatenate(appends);
            var first = _loggedUpTo + 1;
            LoggedEvent[] logged;
            try
            {
                logged = await _log.AppendAsync(_partition, first, events, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The write may or may not have landed: our position in the log is unknown, so this
                // activation stops taking appends and a fresh one re-reads the log's end.
                _broken = exception;
                LogAppendFailed(exception, _partition, events.Length, first);
                foreach (var append in appends.Concat(_pending))
                {
                    append.Fail(exception);
                }

                _pending.Clear();
                _dispatchProgress.TrySetResult();
                DeactivateOnIdle();
                return;
            }

            var after = _loggedUpTo;
            _loggedUpTo = first + events.Length - 1;
            _buffer.Add(after, _loggedUpTo, logged);
            _metrics.Logged(_partition, events.Length);
            ReportProgress();
            foreach (var append in appends)
            {
                append.Complete();
            }

            StartDispatching();
        }
    }

    private void ReportProgress()
    {
        if (!_released)
        {
            _metrics.Progress(_partition, _loggedUpTo, _dispatchedUpTo);
        }
    }

    private void StartDispatching()
    {
        if (_dispatching.IsCompleted)
        {
            _dispatching = DispatchAsync();
        }
    }

    private async Task DispatchAsync()
    {
        try
        {
            await DispatchLoggedAsync();
        }
        catch (Exception exception)
        {
            // Reading the log failed; the next append, wake-up or keep-alive tick resumes dispatch.
            LogDispatchStalled(exception, _partition, _dispatchedUpTo);
        }
    }

    private async Task DispatchLoggedAsync()
    {
        while (_dispatchedUpTo < _loggedUpTo)
        {
            if (_pacing.DelayBeforeNextRound(_loggedUpTo - _dispatchedUpTo) is { Ticks: > 0 } delay)
            {
                // Appends keep landing in the buffer meanwhile: the activation is reentrant.
                await Task.Delay(delay, _time);
            }

            var round = await NextDispatchRoundAsync();
            _pacing.RoundStarted(round.Events.Count);
            await DeliverAsync(round.Events);
            _metrics.Dispatched(_partition, round.UpTo - _dispatchedUpTo);
            _dispatchedUpTo = round.UpTo;
            ReportProgress();
            var progress = _dispatchProgress;
            _dispatchProgress = NewSignal();
            progress.TrySetResult();
            await SaveWatermarkIfDueAsync();
        }
    }

    private async Task<DispatchRound> NextDispatchRoundAsync()
    {
        if (_buffer.TakeAfter(_dispatchedUpTo, _options.MaxDispatchBatch) is { } buffered)
        {
            return buffered;
        }

        // Not in memory (recovery after a crash, or the buffer was full): the log has it.
        var upTo = _buffer.FirstAfter is { } first && first > _dispatchedUpTo ? first : _loggedUpTo;
        var limit = _options.MaxDispatchBatch;
        var events = await _log.ReadPartitionAsync(_partition, _dispatchedUpTo, limit, CancellationToken.None);
        var inRange = events.Where(logged => logged.Sequence <= upTo).ToList();

        // A short read covers the whole range: sequences without a row were duplicates the log dropped.
        return new DispatchRound(inRange, events.Count == limit && inRange.Count == limit ? inRange[^1].Sequence : upTo);
    }

    /// <summary>Hands each user its events; retries failed users until every one confirms.</summary>
    private async Task DeliverAsync(IReadOnlyList<LoggedEvent> events)
    {
        var remaining = _grouping.Group(_partition, events);
        var delay = _options.RetryDelay;
        while (true)
        {
            var calls = new Task[remaining.Length];
            var carried = 0;
            for (var i = 0; i < calls.Length; i++)
            {
                calls[i] = _users[remaining[i].UserId].Apply(remaining[i].Batch);
                carried += remaining[i].Batch.Events.Length;
            }

            _metrics.UserApplies(calls.Length, carried);

            try
            {
                await Task.WhenAll(calls);
                return;
            }
            catch (Exception exception)
            {
                var failed = new List<UserDelivery>();
                for (var i = 0; i < calls.Length; i++)
                {
                    if (!calls[i].IsCompletedSuccessfully)
                    {
                        failed.Add(remaining[i]);
                    }
                }

                remaining = [.. failed];
                LogDeliveryFailed(exception, _partition, remaining.Length, delay);
            }

            await Task.Delay(delay, _time);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private async Task SaveWatermarkIfDueAsync()
    {
        if (_time.GetElapsedTime(_watermarkSavedAt) < _options.WatermarkInterval)
        {
            return;
        }

        _watermark.State.DispatchedUpTo = _dispatchedUpTo;
        _watermarkSavedAt = _time.GetTimestamp();
        try
        {
            await _watermark.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // A stale watermark only means more idempotent re-dispatch after a crash.
            LogWatermarkSaveFailed(exception, _partition);
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken is not null)
        {
            throw new InvalidOperationException(
                $"Ingest partition {_partition} is reloading its log position after a failed append ({_broken.Message}); retry the request.",
                _broken);
        }
    }

    private static ScoringEvent[] Concatenate(List<PendingAppend> appends)
    {
        if (appends.Count == 1)
        {
            return appends[0].Events;
        }

        var total = 0;
        foreach (var append in appends)
        {
            total += append.Events.Length;
        }

        var events = new ScoringEvent[total];
        var offset = 0;
        foreach (var append in appends)
        {
            append.Events.CopyTo(events, offset);
            offset += append.Events.Length;
        }

        return events;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest partition {Partition} re-dispatches {Count} logged events after sequence {DispatchedUpTo}")]
    private partial void LogRedispatching(int partition, long count, long dispatchedUpTo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest partition {Partition} failed to log {Count} events at sequence {First}; the callers get an error and the partition reactivates")]
    private partial void LogAppendFailed(Exception exception, int partition, int count, long first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest partition {Partition} could not deliver to {Users} user grains; retrying in {Delay}")]
    private partial void LogDeliveryFailed(Exception exception, int partition, int users, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest partition {Partition} stopped dispatching after sequence {DispatchedUpTo}; it resumes on the next append or keep-alive tick")]
    private partial void LogDispatchStalled(Exception exception, int partition, long dispatchedUpTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest partition {Partition} could not save its dispatch watermark; it retries at the next interval")]
    private partial void LogWatermarkSaveFailed(Exception exception, int partition);
}
