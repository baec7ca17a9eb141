using PqlGrains.Cli.Load;

namespace PqlGrains.Cli.Tests.Load;

public sealed class LoadRunMessageIdTests
{
    [Fact]
    public async Task Concurrent_sending_loops_never_send_the_same_messageId()
    {
        // Every loop sends at least its first batch within the second. A resent messageId is dropped by the event log: a load of repeats would measure deduplication, not ingest.
        var gateway = new SegmentGatewayStub();
        var settings = new LoadSettings(new Uri("http://gateway.test"), "dev-write-key", Rate: 0, TimeSpan.FromSeconds(1), Users: 50, BatchSize: 100, Concurrency: 4);

        await new LoadRun(settings, gateway).RunAsync(CancellationToken.None);

        var ids = gateway.MessageIds.ToArray();
        Assert.True(ids.Length >= 400, $"only {ids.Length} events were sent");
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
