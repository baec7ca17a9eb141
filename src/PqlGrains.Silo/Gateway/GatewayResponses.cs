using System.Text.Json.Serialization;
using PqlGrains.Segment;

namespace PqlGrains.Silo.Gateway;

/// <summary>The 200 body: how many messages were accepted (durable) and which were rejected, by batch index.</summary>
internal sealed record IngestResponse(bool Success, int Accepted, IReadOnlyList<SegmentRejection> Rejected);

/// <summary>Every error body: what is wrong and how to fix it.</summary>
internal sealed record ErrorResponse(bool Success, string Error, string? MessageId = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
