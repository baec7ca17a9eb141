namespace PqlGrains.Abstractions.Operations;

/// <summary>What a canary grain knows: its durable counters and where it is running now.</summary>
[GenerateSerializer]
public sealed record CanaryReport
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>Times the canary was bumped, durable across silo restarts.</summary>
    [Id(1)] public long Bumps { get; init; }

    /// <summary>Reminder ticks received, durable across silo restarts.</summary>
    [Id(2)] public long ReminderTicks { get; init; }

    [Id(3)] public DateTimeOffset? LastReminderTickAt { get; init; }

    [Id(4)] public bool ReminderArmed { get; init; }

    /// <summary>The silo currently hosting the canary, e.g. <c>S127.0.0.1:11111:123456789</c>.</summary>
    [Id(5)] public required string SiloAddress { get; init; }

    [Id(6)] public required string SiloName { get; init; }

    [Id(7)] public DateTimeOffset ActivatedAt { get; init; }
}
