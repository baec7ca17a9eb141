namespace PqlGrains.Integrations.Delivery;

/// <summary>
/// What happened to one outbound request, in the terms the outbox needs: delivered (with the external id to
/// remember so a retry never creates a duplicate), retry later, or give up with the API's own message.
/// </summary>
/// <param name="ExternalId">The CRM's id of the created task or note, when the API returns one.</param>
/// <param name="StatusCode">The HTTP status, when a response arrived.</param>
/// <param name="RetryAfter">The server's Retry-After, when it sent one.</param>
public sealed record DeliveryResult(
    DeliveryOutcome Outcome,
    string Connector,
    string? ExternalId,
    int? StatusCode,
    string? Message,
    TimeSpan? RetryAfter)
{
    public bool IsDelivered => Outcome == DeliveryOutcome.Delivered;

    public bool IsRetryable => Outcome == DeliveryOutcome.Retryable;

    public static DeliveryResult Delivered(string connector, string? externalId, int? statusCode = null) =>
        new(DeliveryOutcome.Delivered, connector, externalId, statusCode, null, null);

    public static DeliveryResult Retryable(string connector, string message, int? statusCode = null, TimeSpan? retryAfter = null) =>
        new(DeliveryOutcome.Retryable, connector, null, statusCode, message, retryAfter);

    public static DeliveryResult Permanent(string connector, string message, int? statusCode = null) =>
        new(DeliveryOutcome.Permanent, connector, null, statusCode, message, null);

    public override string ToString() => Outcome switch
    {
        DeliveryOutcome.Delivered => $"{Connector}: delivered{(ExternalId is null ? string.Empty : $" as {ExternalId}")}",
        _ => $"{Connector}: {Outcome.ToString().ToLowerInvariant()}{(StatusCode is null ? string.Empty : $" (HTTP {StatusCode})")}: {Message}",
    };
}
