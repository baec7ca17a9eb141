using System.Text.Json.Serialization;

namespace PqlGrains.Integrations.HubSpot;

// Shapes from HubSpot's CRM v3 OpenAPI (SimplePublicObjectInputForCreate, SimplePublicObjectInput, SimplePublicObject, Error).
internal sealed record HubSpotCreateInput(
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties,
    [property: JsonPropertyName("associations")] IReadOnlyList<HubSpotAssociation> Associations);

internal sealed record HubSpotUpdateInput(
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);

internal sealed record HubSpotAssociation(
    [property: JsonPropertyName("to")] HubSpotObjectId To,
    [property: JsonPropertyName("types")] IReadOnlyList<HubSpotAssociationSpec> Types);

internal sealed record HubSpotObjectId([property: JsonPropertyName("id")] string Id);

internal sealed record HubSpotAssociationSpec(
    [property: JsonPropertyName("associationCategory")] string AssociationCategory,
    [property: JsonPropertyName("associationTypeId")] int AssociationTypeId);

internal sealed record HubSpotObject([property: JsonPropertyName("id")] string? Id);

internal sealed record HubSpotError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("correlationId")] string? CorrelationId);
