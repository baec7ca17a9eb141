using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Grains.Delivery;

/// <summary>One connector's answer to one attempt, or a wait for an item this one depends on.</summary>
/// <param name="Result">Null while waiting on the task this item completes.</param>
public sealed record DeliveryAttempt(string Connector, DeliveryResult? Result)
{
    public bool IsWaiting => Result is null;
}
