using System.Text.Json;
using PqlGrains.Simulation;

namespace PqlGrains.Simulation.Tests;

public sealed class SimulationFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pql-sim-" + Guid.NewGuid().ToString("N"));

    private static SimulationOptions Small(ulong seed) => new() { Users = 300, Accounts = 40, Days = 20, Seed = seed };

    [Fact]
    public async Task TheSameSeedWritesByteIdenticalFiles()
    {
        await SimulationFiles.WriteAsync(Small(5), Path.Combine(_root, "a"));
        await SimulationFiles.WriteAsync(Small(5), Path.Combine(_root, "b"));
        foreach (var file in new[] { SimulationFiles.EventsFileName, SimulationFiles.ConversionsFileName })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_root, "a", file)), await File.ReadAllBytesAsync(Path.Combine(_root, "b", file)));
        }
    }

    [Fact]
    public async Task DifferentSeedsWriteDifferentProducts()
    {
        await SimulationFiles.WriteAsync(Small(5), Path.Combine(_root, "a"));
        await SimulationFiles.WriteAsync(Small(6), Path.Combine(_root, "b"));
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(_root, "a", SimulationFiles.EventsFileName)), await File.ReadAllTextAsync(Path.Combine(_root, "b", SimulationFiles.EventsFileName)));
    }

    [Fact]
    public async Task EventsAreSegmentMessagesOnePerLineAndConversionsHaveTheDocumentedHeader()
    {
        var summary = await SimulationFiles.WriteAsync(Small(5), _root);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_root, SimulationFiles.EventsFileName));
        Assert.Equal(summary.Events, lines.Length);
        var track = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("type").GetString() == "track" && e.TryGetProperty("context", out _));
        Assert.False(string.IsNullOrEmpty(track.GetProperty("messageId").GetString()));
        Assert.False(string.IsNullOrEmpty(track.GetProperty("event").GetString()));
        Assert.EndsWith("Z", track.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, track.GetProperty("properties").ValueKind);
        Assert.StartsWith("acc_", track.GetProperty("context").GetProperty("groupId").GetString(), StringComparison.Ordinal);

        var conversions = await File.ReadAllLinesAsync(Path.Combine(_root, SimulationFiles.ConversionsFileName));
        Assert.Equal("user_id,account_id,converted_at,amount", conversions[0]);
        Assert.Equal(summary.Conversions, conversions.Length - 1);
    }

    [Fact]
    public void BatchBodiesFollowTheSegmentBatchShape()
    {
        var messages = new ProductSimulator(Small(5)).Run().First().Messages.Take(3).ToList();
        using var body = JsonDocument.Parse(SegmentJson.SerializeBatch(messages, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(3, body.RootElement.GetProperty("batch").GetArrayLength());
        Assert.Equal("2026-01-02T00:00:00.000Z", body.RootElement.GetProperty("sentAt").GetString());
    }

    [Fact]
    public void InvalidOptionsAreRejectedWithTheOptionName()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProductSimulator(new SimulationOptions { Users = 0 }));
        Assert.Contains("--users", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
