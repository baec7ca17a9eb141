using System.Net;
using PqlGrains.Cli.Load;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Segment;

namespace PqlGrains.Cli.Tests.Load;

public sealed class LoadRunTests
{
    private static LoadSettings Settings(int rate, TimeSpan duration, int concurrency = 4) =>
        new(new Uri("http://gateway.test"), "dev-write-key", rate, duration, Users: 50, BatchSize: 100, Concurrency: concurrency);

    [Fact]
    public void Generated_batches_are_valid_segment_batches_of_the_requested_size_spread_over_the_users()
    {
        var writer = new SegmentBatchWriter("run1", users: 20, seed: 1);

        var payload = SegmentPayloadParser.Parse(writer.Write(500, DateTimeOffset.UtcNow).ToArray(), SegmentEndpoint.Batch, DateTimeOffset.UtcNow);

        Assert.Empty(payload.Rejections);
        Assert.Equal(500, payload.Events.Count);
        Assert.Equal(500, payload.Events.Select(e => e.MessageId).Distinct().Count());
        Assert.InRange(payload.Events.Select(e => e.UserId).Distinct().Count(), 2, 20);
        Assert.All(payload.Events, e => Assert.StartsWith("load-account-", e.GroupId));
        Assert.Contains(payload.Events, e => e.Type == EventType.Track);
        Assert.Contains(payload.Events, e => e.Type == EventType.Page);
    }

    [Fact]
    public void Generated_events_happen_at_the_batch_time_with_numbered_ids_and_ten_users_per_account()
    {
        var writer = new SegmentBatchWriter("run1", users: 20, seed: 1);
        var now = new DateTimeOffset(2026, 11, 22, 23, 50, 1, 234, TimeSpan.Zero).AddTicks(5678);

        var payload = SegmentPayloadParser.Parse(writer.Write(3, now).ToArray(), SegmentEndpoint.Batch, now.AddSeconds(1));

        Assert.Equal(["load-run1-0", "load-run1-1", "load-run1-2"], payload.Events.Select(e => e.MessageId));
        Assert.All(payload.Events, e =>
        {
            Assert.Equal(now, e.Timestamp);
            Assert.Matches("^load-user-[0-9]+$", e.UserId);
            Assert.Equal($"load-account-{int.Parse(e.UserId["load-user-".Length..], System.Globalization.CultureInfo.InvariantCulture) / 10}", e.GroupId);
        });
    }

    [Fact]
    public void Generated_track_events_earn_points_under_the_shipped_default_definition()
    {
        // A load of events no signal matches would measure ingest without the scoring work it is meant to include.
        var writer = new SegmentBatchWriter("run1", users: 20, seed: 1);
        var payload = SegmentPayloadParser.Parse(writer.Write(500, DateTimeOffset.UtcNow).ToArray(), SegmentEndpoint.Batch, DateTimeOffset.UtcNow);

        var tracks = payload.Events.Where(e => e.Type == EventType.Track).DistinctBy(e => e.Name).ToList();

        Assert.NotEmpty(tracks);
        Assert.All(tracks, e => Assert.True(ScoreOfOnly(e) > 0, $"'{e.Name}' earns nothing under the default definition"));
    }

    private static double ScoreOfOnly(ScoringEvent e)
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(e);
        return state.ScoreAt(e.Timestamp);
    }

    [Fact]
    public async Task Every_event_the_gateway_accepts_is_counted_and_every_request_timed()
    {
        var gateway = new SegmentGatewayStub();

        var report = await new LoadRun(Settings(rate: 0, TimeSpan.FromMilliseconds(200)), gateway).RunAsync(CancellationToken.None);

        Assert.True(report.EventsSent > 0);
        Assert.Equal(report.EventsSent, report.EventsAccepted);
        Assert.Equal(0, report.RequestsFailed);
        Assert.Equal(gateway.Requests, report.Latency.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    public async Task Stopping_a_run_early_with_ctrl_c_still_reports_what_was_sent(int rate)
    {
        // Ctrl-C arrives with the first request sent after an answer: each of the 4 workers sends its next request
        // only once its last one is counted, so the fifth proves one was. A timer could fire before any answer on a
        // slow machine.
        const int concurrency = 4;
        using var stop = new CancellationTokenSource();
        var gateway = new SegmentGatewayStub(onRequest: request =>
        {
            if (request == concurrency + 1)
            {
                stop.Cancel();
            }
        });

        var report = await new LoadRun(Settings(rate, TimeSpan.FromHours(1), concurrency), gateway).RunAsync(stop.Token);

        Assert.True(report.EventsAccepted > 0);
        Assert.Equal(0, report.RequestsFailed);
    }

    [Fact]
    public async Task Target_rate_sends_the_scheduled_number_of_batches()
    {
        var gateway = new SegmentGatewayStub();

        // 1,000 events/s in batches of 100 for 0.5 s: batches due at 0, 100, 200, 300 and 400 ms.
        var report = await new LoadRun(Settings(rate: 1_000, TimeSpan.FromMilliseconds(500)), gateway).RunAsync(CancellationToken.None);

        Assert.Equal(5, gateway.Requests);
        Assert.Equal(500, report.EventsAccepted);
    }

    [Fact]
    public async Task Refused_requests_are_reported_with_the_gateway_answer()
    {
        var gateway = new SegmentGatewayStub(HttpStatusCode.ServiceUnavailable);

        var report = await new LoadRun(Settings(rate: 1_000, TimeSpan.FromMilliseconds(300), concurrency: 1), gateway).RunAsync(CancellationToken.None);
        var output = new StringWriter();
        report.WriteTo(output, Settings(rate: 1_000, TimeSpan.FromMilliseconds(300)));

        Assert.Equal(0, report.EventsAccepted);
        Assert.Equal(3, report.RequestsFailed);
        Assert.Contains("HTTP 503", output.ToString());
        Assert.Contains("cluster unavailable", output.ToString());
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var part = new LatencyHistogram();
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
        {
            part.Record(TimeSpan.FromMilliseconds(ms));
        }

        var merged = LatencyHistogram.Merge([part]);

        Assert.Equal(50, merged.Percentile(50));
        Assert.Equal(90, merged.Percentile(90));
        Assert.Equal(99, merged.Percentile(99));
        Assert.Equal(100, merged.Percentile(100));
    }
}
