using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Ingest;

internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        if (options.Partitions is < 1 or > 65_536)
        {
            failures.Add($"{IngestOptions.SectionName}:Partitions is {options.Partitions}; set it between 1 and 65536 (default {IngestOptions.DefaultPartitions}); it is fixed for the life of an event log.");
        }

        if (options.MaxDispatchBatch < 1)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxDispatchBatch is {options.MaxDispatchBatch}; set it to 1 or more (default 4096).");
        }

        if (options.MaxUndispatchedEvents < options.MaxDispatchBatch)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxUndispatchedEvents ({options.MaxUndispatchedEvents}) must be at least MaxDispatchBatch ({options.MaxDispatchBatch}).");
        }

        if (options.BusyPartitionRate < 1)
        {
            failures.Add($"{IngestOptions.SectionName}:BusyPartitionRate is {options.BusyPartitionRate}; set it to 1 or more events per second per partition (default 4000).");
        }

        if (options.BusyDispatchInterval < TimeSpan.Zero || options.BusyDispatchInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{IngestOptions.SectionName}:BusyDispatchInterval is {options.BusyDispatchInterval}; set it between 00:00:00 (off) and 00:00:01 (default 00:00:00.2): it delays scoring under heavy traffic.");
        }

        if (options.MaxBufferedEvents < 0)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxBufferedEvents is {options.MaxBufferedEvents}; set it to 0 or more (default 50000).");
        }

        if (options.WatermarkInterval <= TimeSpan.Zero)
        {
            failures.Add($"{IngestOptions.SectionName}:WatermarkInterval must be positive (default 00:00:05).");
        }

        if (options.KeepAlivePeriod < TimeSpan.Zero)
        {
            failures.Add($"{IngestOptions.SectionName}:KeepAlivePeriod must be zero (off) or positive (default 00:01:00).");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{IngestOptions.SectionName}:RetryDelay must be positive and not above MaxRetryDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
