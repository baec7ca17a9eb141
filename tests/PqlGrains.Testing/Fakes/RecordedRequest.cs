using System.Text.Json.Nodes;

namespace PqlGrains.Testing.Fakes;

/// <summary>A request a fake server accepted (answered 2xx), with the id it handed back.</summary>
public sealed record RecordedRequest(string Method, string Path, JsonObject Body, string? CreatedId, DateTimeOffset At)
{
    /// <summary>A HubSpot <c>properties</c> value, or null.</summary>
    public string? Property(string name) => Body["properties"]?[name]?.GetValue<string>();
}
