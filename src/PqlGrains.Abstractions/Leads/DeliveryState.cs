namespace PqlGrains.Abstractions.Leads;

[GenerateSerializer]
public enum DeliveryState : byte
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Gave up: a permanent error, or retries ran past the dead-letter age.</summary>
    DeadLettered = 2,
}
