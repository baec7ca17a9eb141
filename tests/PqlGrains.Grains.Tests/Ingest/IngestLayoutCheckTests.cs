using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Ingest;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class IngestLayoutCheckTests
{
    [Fact]
    public async Task A_silo_configured_with_the_recorded_partition_count_starts()
    {
        var layout = new RecordingLayout(recorded: null);

        await Check(16, layout).EnsureMatchesAsync(CancellationToken.None);

        Assert.Equal(16, layout.Recorded);
    }

    [Fact]
    public async Task A_silo_configured_with_another_partition_count_than_the_log_refuses_to_start_and_names_the_count_to_set()
    {
        var layout = new RecordingLayout(recorded: 64);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Check(16, layout).EnsureMatchesAsync(CancellationToken.None));

        Assert.Contains("Pql:Ingest:Partitions is 16", refused.Message);
        Assert.Contains("set Pql:Ingest:Partitions=64", refused.Message);
    }

    [Fact]
    public async Task Without_a_durable_layout_any_partition_count_starts()
    {
        await new IngestLayoutCheck(Options.Create(new IngestOptions { Partitions = 3 })).EnsureMatchesAsync(CancellationToken.None);
    }

    [Fact]
    public void The_default_partition_count_passes_validation()
    {
        var result = new IngestOptionsValidator().Validate(null, new IngestOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(IngestOptions.DefaultPartitions, new IngestOptions().Partitions);
    }

    private static IngestLayoutCheck Check(int partitions, IEventLogLayout layout) =>
        new(Options.Create(new IngestOptions { Partitions = partitions }), layout);

    private sealed class RecordingLayout(int? recorded) : IEventLogLayout
    {
        public int? Recorded { get; private set; } = recorded;

        public Task<EventLogLayout> ClaimAsync(int partitions, CancellationToken cancellationToken)
        {
            Recorded ??= partitions;
            return Task.FromResult(new EventLogLayout(Recorded.Value, Recorded.Value - 1));
        }
    }
}
