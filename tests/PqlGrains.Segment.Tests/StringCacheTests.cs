using System.Text.Json;

namespace PqlGrains.Segment.Tests;

public sealed class StringCacheTests
{
    [Fact]
    public void One_thread_keeps_the_load_bench_s_21K_distinct_strings_and_shares_each_instance()
    {
        // 10K user ids, 10K emails and 1K account ids, as one silo thread sees them under the load bench.
        var texts = Enumerable.Range(0, 10_000).Select(i => $"bench-user-{i}")
            .Concat(Enumerable.Range(0, 10_000).Select(i => $"bench-user-{i}@example.com"))
            .Concat(Enumerable.Range(0, 1_000).Select(i => $"bench-account-{i}"))
            .ToArray();
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(texts));
        var cache = StringCache.Current;

        var first = document.RootElement.EnumerateArray().Select(cache.Value).ToArray();
        var second = document.RootElement.EnumerateArray().Select(cache.Value).ToArray();

        Assert.Equal(texts, first);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }
}
