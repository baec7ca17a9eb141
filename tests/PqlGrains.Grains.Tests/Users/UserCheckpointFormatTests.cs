using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Users;

namespace PqlGrains.Grains.Tests.Users;

/// <summary>Checkpoints saved by earlier builds stay in grain storage: they must still load after the in-memory shape changes.</summary>
public sealed class UserCheckpointFormatTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(UserCheckpointFormatTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static UserCheckpoint Load<T>(T saved) =>
        Serializer.Deserialize<UserCheckpoint>(Serializer.SerializeToArray(saved)) ?? throw new InvalidDataException("the checkpoint deserialized to null");

    [Fact]
    public void Checkpoint_saved_with_DateTimeOffset_fields_loads_with_the_same_instants_and_values()
    {
        var traitsAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        var accountAt = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(2));
        var lastEventAt = new DateTimeOffset(2026, 11, 22, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(1234);
        var saved = new SessionThreeUserCheckpoint
        {
            Partition = 3,
            AppliedSequence = 812,
            DefinitionVersion = "def-7",
            ScoreState = [1, 2, 3],
            Traits = new UserTraits("ada@example.com", "Ada", "pro", traitsAt, "Acme"),
            TraitsAt = traitsAt,
            AccountId = "acme",
            AccountAt = accountAt,
            LastEventAt = lastEventAt,
            EventsApplied = 41,
            PublishedTier = "hot",
            ReportedAccountId = "acme",
            AccountSavedSequence = 800,
            CrossingTier = "hot",
            TierCrossedAt = new(StringComparer.Ordinal) { ["hot"] = lastEventAt },
            ErasedThroughSequence = 5,
        };
        saved.Recent.History.Record(lastEventAt, 72.5);
        saved.Recent.Features.Add(new RecentFeature("reports", lastEventAt));

        var loaded = Load(saved);

        Assert.Equal(traitsAt, loaded.TraitsAt);
        Assert.Equal(accountAt, loaded.AccountAt);
        Assert.Equal(lastEventAt, loaded.LastEventAt);
        Assert.Equal((3, 812L, "def-7", 41L, 800L, 5L), (loaded.Partition, loaded.AppliedSequence, loaded.DefinitionVersion, loaded.EventsApplied, loaded.AccountSavedSequence, loaded.ErasedThroughSequence));
        Assert.Equal([1, 2, 3], loaded.ScoreState);
        Assert.Equal(saved.Traits, loaded.Traits);
        Assert.Equal(("acme", "acme", "hot", "hot"), (loaded.AccountId, loaded.ReportedAccountId, loaded.PublishedTier, loaded.CrossingTier));
        Assert.Equal(lastEventAt, Assert.Single(loaded.TierCrossedAt!).Value);
        Assert.Equal(72.5, Assert.Single(loaded.Recent.History.Points).Score);
        Assert.NotNull(loaded.Recent.Features);
        Assert.Equal(new RecentFeature("reports", lastEventAt), Assert.Single(loaded.Recent.Features));
    }

    [Fact]
    public void Checkpoint_without_any_instant_loads_with_none()
    {
        var loaded = Load(new SessionThreeUserCheckpoint());

        Assert.Null(loaded.TraitsAt);
        Assert.Null(loaded.AccountAt);
        Assert.Null(loaded.LastEventAt);
        Assert.Equal(-1, loaded.Partition);
        Assert.Empty(loaded.Recent.Features ?? []);
        Assert.Empty(loaded.Recent.History.Points);
    }

    [Fact]
    public void Checkpoint_of_partition_zero_keeps_its_partition_and_erasure_fence_through_the_json_grain_storage_serializer()
    {
        // Orleans' default grain storage serializer, and the reader of rows saved before the binary codec: it omits default values.
        var json = new JsonGrainStorageSerializer(new OrleansJsonSerializer(Options.Create(new OrleansJsonSerializerOptions())));
        var saved = new UserCheckpoint { Partition = 0, AppliedSequence = 24, AccountSavedSequence = 24, ErasedThroughSequence = 24, DefinitionVersion = "def-1", ScoreState = [1, 2] };

        var loaded = json.Deserialize<UserCheckpoint>(json.Serialize(saved));

        Assert.NotNull(loaded);
        Assert.Equal((0, 24L, 24L), (loaded.Partition, loaded.AppliedSequence, loaded.ErasedThroughSequence));
    }

    [Fact]
    public void Checkpoint_round_trips_the_earliest_and_latest_instants()
    {
        var checkpoint = new UserCheckpoint { TraitsAt = DateTimeOffset.MinValue, LastEventAt = DateTimeOffset.MaxValue };

        var loaded = Load(checkpoint);

        Assert.Equal(DateTimeOffset.MinValue, loaded.TraitsAt);
        Assert.Equal(DateTimeOffset.MaxValue, loaded.LastEventAt);
        Assert.Null(loaded.AccountAt);
    }
}

/// <summary>The shape <see cref="UserCheckpoint"/> had when session 3 ended (its instants were DateTimeOffset? properties).</summary>
[GenerateSerializer]
public sealed class SessionThreeUserCheckpoint
{
    [Id(0)] public int Partition { get; set; } = -1;
    [Id(1)] public long AppliedSequence { get; set; }
    [Id(2)] public string? DefinitionVersion { get; set; }
    [Id(3)] public byte[]? ScoreState { get; set; }
    [Id(4)] public UserTraits Traits { get; set; } = UserTraits.None;
    [Id(5)] public DateTimeOffset? TraitsAt { get; set; }
    [Id(6)] public string? AccountId { get; set; }
    [Id(7)] public DateTimeOffset? AccountAt { get; set; }
    [Id(8)] public DateTimeOffset? LastEventAt { get; set; }
    [Id(9)] public long EventsApplied { get; set; }
    [Id(10)] public string? PublishedTier { get; set; }
    [Id(11)] public string? ReportedAccountId { get; set; }
    [Id(12)] public long AccountSavedSequence { get; set; }
    [Id(13)] public List<PqlGrains.Grains.Definitions.ShadowCheckpoint>? Shadows { get; set; }
    [Id(14)] public SessionThreeRecentActivity Recent { get; set; } = new();
    [Id(15)] public string? CrossingTier { get; set; }
    [Id(16)] public Dictionary<string, DateTimeOffset>? TierCrossedAt { get; set; }
    [Id(17)] public long ErasedThroughSequence { get; set; }
}

/// <summary>The shape <see cref="UserRecentActivity"/> had when session 3 ended (an always-present feature list).</summary>
[GenerateSerializer]
public sealed class SessionThreeRecentActivity
{
    [Id(4)] public List<RecentFeature> Features { get; set; } = [];
    [Id(5)] public PqlGrains.Grains.Scoring.ScoreHistory History { get; set; } = new();
}
