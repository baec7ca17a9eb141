using System.Diagnostics;
using PqlGrains.Grains.Ingest;
using PqlGrains.Scoring.Events;

// Appends 2M events (10K users, 1K accounts, two properties, a fresh GUID messageId each, as `pql load` sends) to
// one partition of a fresh in-memory log, in batches of 100, six times; prints process CPU per event for each
// round. The log keeps every event, so GC of the growing log is part of the cost, as in an embedded silo.
const int Events = 2_000_000;
const int BatchSize = 100;
var at = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
var events = new ScoringEvent[Events];
for (var i = 0; i < Events; i++)
{
    events[i] = new ScoringEvent(
        Guid.NewGuid().ToString(), $"bench-user-{i % 10_000}", EventType.Track, "report_exported", at.AddMilliseconds(i),
        new EventProperties([KeyValuePair.Create("format", PropertyValue.From("csv")), KeyValuePair.Create("rows", PropertyValue.From(i % 500))]),
        $"bench-account-{i % 1_000}");
}

for (var round = 1; round <= 6; round++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var log = new InMemoryEventLog();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var start = 0; start < Events; start += BatchSize)
    {
        await log.AppendAsync(0, start + 1, new ArraySegment<ScoringEvent>(events, start, BatchSize), CancellationToken.None);
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine($"round {round}: {cpu.TotalNanoseconds / Events:F0} ns CPU per appended event");
}
