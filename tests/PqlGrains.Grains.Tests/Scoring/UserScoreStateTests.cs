using System.Text;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Tests.Scoring;

public sealed class UserScoreStateTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DefinitionScoringModel Model = new(PqlDefinition.Default);

    [Fact]
    public void A_compacted_state_scores_and_saves_exactly_like_one_that_stayed_live()
    {
        var compacted = Model.CreateUserState();
        var live = Model.CreateUserState();
        for (var i = 0; i < 40; i++)
        {
            var scoringEvent = Track(i, i % 4 == 0 ? "user.billing_page_viewed" : "feature.activated");
            compacted.Apply(scoringEvent);
            live.Apply(scoringEvent);
            if (i % 5 == 0)
            {
                compacted.Compact();
            }
        }

        compacted.Compact();

        Assert.Equal(live.Save(), compacted.Save());
        var expected = live.Evaluate(Day0.AddDays(3));
        var actual = compacted.Evaluate(Day0.AddDays(3));
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Tier, actual.Tier);
        Assert.Equal(expected.Breakdown, actual.Breakdown);
        Assert.False(compacted.Apply(Track(39, "feature.activated")));
    }

    [Fact]
    public void The_packed_snapshot_is_much_smaller_than_eight_bytes_per_slot_and_restores_the_same_slots()
    {
        var state = PqlDefinition.Default.CreateUserState(DefinitionScoringModel.UserRememberedMessageIds);
        state.Apply(Track(1, "feature.activated"));
        var snapshot = state.ToSnapshot();

        var packed = ScoringSnapshotCodec.Encode(snapshot);
        var restored = ScoringSnapshotCodec.DecodeUser(packed);

        Assert.True(packed.Length < snapshot.Slots.Length * sizeof(long) / 2, $"{packed.Length} bytes for {snapshot.Slots.Length} slots");
        Assert.Equal(snapshot.Slots, restored.Slots);
        Assert.Equal(snapshot.RecentMessageIds, restored.RecentMessageIds);
        Assert.Equal(snapshot.NextMessageIndex, restored.NextMessageIndex);
    }

    [Fact]
    public void A_checkpoint_in_the_fixed_width_format_1_still_restores()
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(Track(1, "feature.activated"));
        var snapshot = state.ToSnapshot();

        var restored = ScoringSnapshotCodec.DecodeUser(FormatOne(snapshot));

        Assert.Equal(snapshot.Slots, restored.Slots);
        Assert.Equal(snapshot.RecentMessageIds, restored.RecentMessageIds);
    }

    private static byte[] FormatOne(ScoringSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)1);
            writer.Write(snapshot.DefinitionId);
            writer.Write(snapshot.DefinitionVersion);
            foreach (var values in new[] { snapshot.Slots, snapshot.RecentMessageIds })
            {
                writer.Write7BitEncodedInt(values.Length);
                foreach (var value in values)
                {
                    writer.Write(value);
                }
            }

            writer.Write(snapshot.NextMessageIndex);
        }

        return buffer.ToArray();
    }

    private static ScoringEvent Track(int i, string name) =>
        new($"m-{i}", "u-1", EventType.Track, name, Day0.AddHours(i), EventProperties.Empty);
}
