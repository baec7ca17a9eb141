namespace PqlGrains.Integrations.Delivery;

public enum DeliveryOutcome
{
    /// <summary>The external system accepted the request.</summary>
    Delivered,

    /// <summary>Worth trying again later (429, 5xx, timeout, connection failure); honour <see cref="DeliveryResult.RetryAfter"/>.</summary>
    Retryable,

    /// <summary>Retrying the same request will fail again (4xx, missing owner id); dead-letter with <see cref="DeliveryResult.Message"/>.</summary>
    Permanent,
}
