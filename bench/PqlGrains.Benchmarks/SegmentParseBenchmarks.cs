using BenchmarkDotNet.Attributes;
using PqlGrains.Cli.Load;
using PqlGrains.Segment;

namespace PqlGrains.Benchmarks;

/// <summary>
/// The gateway's parse of one <c>/v1/batch</c> body of 100 events written by <c>pql load</c>'s own batch writer
/// (70% track with two properties, 25% page, 5% identify with two traits; context.groupId on every message;
/// 10,000 users, ten per account), reported per batch. Bodies rotate through <see cref="Batches"/> distinct
/// batches (32,000 events: nearly every user, so the per-thread string cache holds ~12,000 strings, close to
/// the silo's working set under <c>bench/load.sh</c>) and every messageId is new, as under load.
/// </summary>
[MemoryDiagnoser]
public class SegmentParseBenchmarks
{
    internal const int Batches = 320;
    private const int BatchSize = 100;
    private const int Users = 10_000;

    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    private ReadOnlyMemory<byte>[] _bodies = [];

    [GlobalSetup]
    public void Setup()
    {
        var writer = new SegmentBatchWriter("bench", Users, seed: 7);
        _bodies = Enumerable.Range(0, Batches).Select(_ => (ReadOnlyMemory<byte>)writer.Write(BatchSize, ReceivedAt.AddMilliseconds(-3)).ToArray()).ToArray();
        foreach (var body in _bodies)
        {
            var payload = SegmentPayloadParser.Parse(body, SegmentEndpoint.Batch, ReceivedAt);
            if (payload.Events.Count != BatchSize)
            {
                throw new InvalidOperationException($"A benchmark batch parsed into {payload.Events.Count} events and {payload.Rejections.Count} rejections instead of {BatchSize} events.");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batches)]
    public int ParseLoadBatch()
    {
        var events = 0;
        foreach (var body in _bodies)
        {
            events += SegmentPayloadParser.Parse(body, SegmentEndpoint.Batch, ReceivedAt).Events.Count;
        }

        return events;
    }
}
