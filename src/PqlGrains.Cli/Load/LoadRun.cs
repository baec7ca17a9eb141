using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Cli.Load;

/// <summary>
/// Sends Segment batches to a gateway for a fixed duration. With a target rate, request n is
/// due at start + n x (batch / rate) (an absolute schedule, so delays do not accumulate); each
/// of the <c>Concurrency</c> loops takes the next due request, so a slow gateway makes the run
/// fall behind its schedule rather than hide latency. Cancelling (Ctrl+C) ends the run early with
/// a report of what was sent so far.
/// </summary>
internal sealed class LoadRun(LoadSettings settings, HttpMessageHandler handler)
{
    private readonly ConcurrentDictionary<string, long> _failures = new();
    private long _ticket = -1;
    private long _sent;
    private long _accepted;
    private long _rejected;
    private long _failed;

    /// <summary>Events the gateway has accepted so far, for <c>--progress</c>.</summary>
    public long EventsAcceptedSoFar => Interlocked.Read(ref _accepted);

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(30) };
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.WriteKey + ":")));
        var runId = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, settings.Concurrency)
            // Each loop numbers its own messages: the loop is part of the id, or loops would resend each other's
            // messageIds and the log would drop about half the load as duplicates.
            .Select(loop => SendLoopAsync(client, authorization, new SegmentBatchWriter($"{runId}-{loop}", settings.Users, loop), clock, cancellationToken))
            .ToArray();
        var latencies = await Task.WhenAll(loops);
        var elapsed = clock.Elapsed;
        return new LoadReport(elapsed, _sent, _accepted, _rejected, _failed, _failures, LatencyHistogram.Merge(latencies));
    }

    private async Task<LatencyHistogram> SendLoopAsync(HttpClient client, AuthenticationHeaderValue authorization, SegmentBatchWriter writer, Stopwatch clock, CancellationToken cancellationToken)
    {
        var latency = new LatencyHistogram();
        var interval = settings.Rate > 0 ? TimeSpan.FromSeconds((double)settings.BatchSize / settings.Rate) : TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            var ticket = Interlocked.Increment(ref _ticket);
            var due = interval * ticket;

            // A paced run sends every batch its schedule holds, even late; an unpaced one stops on time.
            if (settings.Rate > 0 ? due >= settings.Duration : clock.Elapsed >= settings.Duration)
            {
                break;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero && !await WaitAsync(wait, cancellationToken))
            {
                break;
            }

            var body = writer.Write(settings.BatchSize, DateTimeOffset.UtcNow);
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/batch") { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = authorization;
            Interlocked.Add(ref _sent, settings.BatchSize);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latency.Record(Stopwatch.GetElapsedTime(started));
                Tally(response, answer);
            }
            catch (HttpRequestException exception)
            {
                Fail(exception.HttpRequestError.ToString());
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Fail("timed out after 30 s");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (Ctrl+C) mid-request: the answer is unknown, so it is neither accepted nor failed.
                break;
            }
        }

        return latency;
    }

    /// <summary>False when the run was stopped while waiting: Ctrl+C ends the run early and still reports it.</summary>
    private static async Task<bool> WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Tally(HttpResponseMessage response, byte[] answer)
    {
        if (!response.IsSuccessStatusCode)
        {
            Fail($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}");
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            Interlocked.Add(ref _accepted, root.GetProperty("accepted").GetInt32());
            Interlocked.Add(ref _rejected, root.GetProperty("rejected").GetArrayLength());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Fail("2xx answer without {accepted, rejected}: is --url a PqlGrains gateway?");
        }
    }

    private void Fail(string reason)
    {
        Interlocked.Increment(ref _failed);
        _failures.AddOrUpdate(reason, 1, (_, count) => count + 1);
    }
}
