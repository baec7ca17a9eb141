using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using PqlGrains.Grains.Users;
using PqlGrains.Silo.Hosting;

namespace PqlGrains.IntegrationTests.Hosting;

public sealed class GrainStateSerializationTests
{
    [Fact]
    public async Task A_state_an_earlier_build_saved_as_json_still_reads_and_new_saves_are_binary()
    {
        var builder = EmbeddedHost.CreateBuilder("write-key", "admin-token");
        builder.UseEmbeddedSilo();
        await using var app = builder.Build();
        var json = app.Services.GetRequiredService<IGrainStorageSerializer>();
        var storage = GrainStateSerialization.BinaryReadingJson(app.Services.GetRequiredService<Serializer>(), json);
        var saved = new UserCheckpoint { Partition = 3, AppliedSequence = 42, AccountId = "acme", EventsApplied = 7, ScoreState = [2, 1, 0, 9] };

        var fromJson = storage.Deserialize<UserCheckpoint>(json.Serialize(saved));
        var binary = storage.Serialize(saved);
        var fromBinary = storage.Deserialize<UserCheckpoint>(binary);

        foreach (var read in new[] { fromJson, fromBinary })
        {
            Assert.NotNull(read);
            Assert.Equal((3, 42L, "acme", 7L), (read.Partition, read.AppliedSequence, read.AccountId, read.EventsApplied));
            Assert.Equal(saved.ScoreState, read.ScoreState);
        }

        Assert.NotEqual((byte)'{', binary.ToMemory().Span[0]);
        Assert.True(binary.ToMemory().Length < json.Serialize(saved).ToMemory().Length);
    }

    [Fact]
    public async Task A_user_checkpoint_saved_as_json_keeps_its_instants_and_recent_features()
    {
        var builder = EmbeddedHost.CreateBuilder("write-key", "admin-token");
        builder.UseEmbeddedSilo();
        await using var app = builder.Build();
        var json = app.Services.GetRequiredService<IGrainStorageSerializer>();
        var storage = GrainStateSerialization.BinaryReadingJson(app.Services.GetRequiredService<Serializer>(), json);
        var at = new DateTimeOffset(2026, 11, 22, 8, 15, 0, TimeSpan.Zero);
        var saved = new UserCheckpoint { TraitsAt = at, AccountAt = at.AddHours(1), LastEventAt = at.AddHours(2), Recent = new UserRecentActivity { Features = [new RecentFeature("reports", at)] } };

        var read = storage.Deserialize<UserCheckpoint>(json.Serialize(saved));

        Assert.NotNull(read);
        Assert.Equal((at, at.AddHours(1), at.AddHours(2)), (read.TraitsAt!.Value, read.AccountAt!.Value, read.LastEventAt!.Value));
        Assert.NotNull(read.Recent.Features);
        Assert.Equal(new RecentFeature("reports", at), Assert.Single(read.Recent.Features));
    }

    [Fact]
    public async Task A_save_is_Orleans_binary_encoding_in_an_array_of_its_exact_size_and_reads_what_Orleans_storage_serializer_wrote()
    {
        var builder = EmbeddedHost.CreateBuilder("write-key", "admin-token");
        builder.UseEmbeddedSilo();
        await using var app = builder.Build();
        var serializer = app.Services.GetRequiredService<Serializer>();
        var storage = GrainStateSerialization.BinaryReadingJson(serializer, app.Services.GetRequiredService<IGrainStorageSerializer>());
        var orleans = new OrleansGrainStorageSerializer(serializer);
        var saved = new UserCheckpoint { Partition = 5, AppliedSequence = 9_000, AccountId = "globex", EventsApplied = 12, ScoreState = [.. Enumerable.Range(0, 600).Select(i => (byte)i)] };

        var binary = storage.Serialize(saved);
        var fromOrleans = storage.Deserialize<UserCheckpoint>(orleans.Serialize(saved));

        Assert.Equal(orleans.Serialize(saved).ToArray(), binary.ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(binary.ToMemory(), out var segment));
        Assert.Equal((0, binary.ToMemory().Length), (segment.Offset, segment.Array!.Length));
        Assert.NotNull(fromOrleans);
        Assert.Equal((5, 9_000L, "globex"), (fromOrleans.Partition, fromOrleans.AppliedSequence, fromOrleans.AccountId));
        Assert.Equal(saved.ScoreState, fromOrleans.ScoreState);
    }
}
