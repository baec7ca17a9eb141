using System.Text;

namespace PqlGrains.Segment.Tests;

public sealed class Utf8StringTableTests
{
    [Theory]
    [InlineData("load-user-42")]
    [InlineData("")]
    [InlineData("Zürich")]
    [InlineData("日本語のイベント")]
    [InlineData("emoji 🚀 launch")]
    public void A_string_comes_back_equal_and_the_second_lookup_shares_the_first_instance(string text)
    {
        var table = new Utf8StringTable(64, seed: 1);
        var utf8 = Encoding.UTF8.GetBytes(text);

        var first = table.GetOrAdd(utf8);
        var second = table.GetOrAdd(utf8);

        Assert.Equal(text, first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Invalid_utf8_decodes_to_replacement_characters_as_the_encoder_does()
    {
        var table = new Utf8StringTable(64, seed: 1);
        byte[] invalid = [(byte)'a', 0x80, (byte)'b'];
        byte[] sameLengthAscii = [(byte)'a', (byte)'?', (byte)'b'];

        Assert.Equal(Encoding.UTF8.GetString(invalid), table.GetOrAdd(invalid));
        Assert.Equal("a?b", table.GetOrAdd(sameLengthAscii));
        Assert.Same(table.GetOrAdd(invalid), table.GetOrAdd(invalid));
    }

    [Fact]
    public void Many_distinct_strings_all_come_back_equal_and_every_one_is_cached_while_there_is_room()
    {
        var table = new Utf8StringTable(16_384, seed: 7);
        var texts = Enumerable.Range(0, 10_000).Select(i => $"load-user-{i}").ToArray();
        var first = texts.Select(text => table.GetOrAdd(Encoding.UTF8.GetBytes(text))).ToArray();

        Assert.Equal(texts, first);
        Assert.Equal(texts.Length, table.Count);
        Assert.All(texts.Zip(first), pair => Assert.Same(pair.Second, table.GetOrAdd(Encoding.UTF8.GetBytes(pair.First))));
    }

    [Fact]
    public void Whatever_the_seed_every_string_is_kept_while_the_table_has_room()
    {
        // The load bench's 21K ids in a 65,536-entry table: a string left uncached here would be allocated on every
        // event. Which slots collide depends on the per-process seed, so many seeds are tried.
        var texts = Enumerable.Range(0, 10_000).Select(i => $"bench-user-{i}")
            .Concat(Enumerable.Range(0, 10_000).Select(i => $"bench-user-{i}@example.com"))
            .Concat(Enumerable.Range(0, 1_000).Select(i => $"bench-account-{i}"))
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();

        for (ulong seed = 1; seed <= 64; seed++)
        {
            var table = new Utf8StringTable(65_536, seed);
            foreach (var utf8 in texts)
            {
                table.GetOrAdd(utf8);
            }

            Assert.True(texts.Length == table.Count, $"Seed {seed} kept {table.Count} of {texts.Length} strings.");
        }
    }

    [Fact]
    public void A_full_table_keeps_answering_with_new_strings_it_does_not_keep()
    {
        var table = new Utf8StringTable(16, seed: 3);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal($"id-{i}", table.GetOrAdd(Encoding.UTF8.GetBytes($"id-{i}")));
        }

        Assert.Equal(16, table.Count);
        var uncached = Encoding.UTF8.GetBytes("id-999");
        Assert.NotSame(table.GetOrAdd(uncached), table.GetOrAdd(uncached));
    }

    [Fact]
    public void Strings_that_all_hash_to_one_slot_cost_at_most_the_probe_limit_and_are_then_allocated_uncached()
    {
        const ulong seed = 11;
        var table = new Utf8StringTable(1_024, seed);
        var slots = 256;
        var colliding = Enumerable.Range(0, 200_000)
            .Select(i => Encoding.UTF8.GetBytes($"flood-{i}"))
            .Where(bytes => (Utf8StringTable.Hash(bytes, seed) & (slots - 1)) == 0)
            .Take(Utf8StringTable.ProbeLimit + 8)
            .ToArray();

        var answers = colliding.Select(bytes => table.GetOrAdd(bytes)).ToArray();

        Assert.Equal(colliding.Select(Encoding.UTF8.GetString), answers);
        Assert.Equal(Utf8StringTable.ProbeLimit, table.Count);
        Assert.Same(answers[0], table.GetOrAdd(colliding[0]));
        Assert.NotSame(answers[^1], table.GetOrAdd(colliding[^1]));
    }

    [Fact]
    public void A_capacity_that_is_not_a_power_of_two_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Utf8StringTable(1_000, seed: 1));
    }
}
