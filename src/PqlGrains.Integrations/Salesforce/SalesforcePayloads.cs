using System.Text.Json.Serialization;

namespace PqlGrains.Integrations.Salesforce;

// The Task sObject fields we set, and the REST API's create response and error array entries.
internal sealed record SalesforceTaskFields
{
    [JsonPropertyName("Subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("OwnerId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OwnerId { get; init; }

    [JsonPropertyName("WhoId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WhoId { get; init; }

    [JsonPropertyName("WhatId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WhatId { get; init; }

    /// <summary>Date only (yyyy-MM-dd): Salesforce Tasks have no due time.</summary>
    [JsonPropertyName("ActivityDate")]
    public required string ActivityDate { get; init; }

    [JsonPropertyName("Priority")]
    public required string Priority { get; init; }

    [JsonPropertyName("Status")]
    public required string Status { get; init; }

    [JsonPropertyName("Description")]
    public required string Description { get; init; }

    /// <summary>The exact SLA deadline survives as the task reminder.</summary>
    [JsonPropertyName("IsReminderSet")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsReminderSet { get; init; }

    [JsonPropertyName("ReminderDateTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReminderDateTime { get; init; }
}

internal sealed record SalesforceStatusUpdate([property: JsonPropertyName("Status")] string Status);

internal sealed record SalesforceSaveResult(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errors")] IReadOnlyList<SalesforceError>? Errors);

internal sealed record SalesforceError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("statusCode")] string? StatusCode,
    [property: JsonPropertyName("fields")] IReadOnlyList<string>? Fields)
{
    public string Describe() =>
        $"{ErrorCode ?? StatusCode ?? "ERROR"}: {Message}{(Fields is { Count: > 0 } ? $" (fields: {string.Join(", ", Fields)})" : string.Empty)}";
}
