namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>What the local server answers.</summary>
public sealed record ApiResponse(int Status, string Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>How long the server waits before answering (a slow or hung API).</summary>
    public TimeSpan Delay { get; init; }

    public static ApiResponse Json(int status, string body) => new(status, body);

    public static ApiResponse Text(int status, string body) => new(status, body, "text/plain");
}
