using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Delivery;

/// <summary>A pending delivery and its progress per connector.</summary>
[GenerateSerializer]
public sealed class OutboxEntry
{
    [Id(0)] public DeliveryRequest Request { get; set; } = null!;

    /// <summary>Connector name to the external id it returned ("" when the API returns none).</summary>
    [Id(1)] public Dictionary<string, string> Delivered { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Connector name to the reason it was given up on.</summary>
    [Id(2)] public Dictionary<string, string> DeadLettered { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public int Attempts { get; set; }

    [Id(4)] public DateTimeOffset? FirstAttemptAt { get; set; }

    [Id(5)] public DateTimeOffset NextAttemptAt { get; set; }

    [Id(6)] public string? LastError { get; set; }
}
