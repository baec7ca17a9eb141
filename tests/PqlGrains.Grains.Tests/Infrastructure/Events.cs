using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>Builds normalised events the way the gateway hands them over.</summary>
internal static class Events
{
    // Recent, so decay is a hair; whole seconds, so the log's and the engine's clocks agree exactly.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

    public static ScoringEvent Track(string userId, string name, string? messageId = null, int minute = 0, string? groupId = null) =>
        new(messageId ?? Guid.NewGuid().ToString("N"), userId, EventType.Track, name, Start.AddMinutes(minute), EventProperties.Empty, groupId);

    public static ScoringEvent Identify(string userId, int minute = 0, params (string Key, PropertyValue Value)[] traits) =>
        new(Guid.NewGuid().ToString("N"), userId, EventType.Identify, string.Empty, Start.AddMinutes(minute), Properties(traits));

    public static ScoringEvent Group(string userId, string groupId, int minute = 0, params (string Key, PropertyValue Value)[] traits) =>
        new(Guid.NewGuid().ToString("N"), userId, EventType.Group, string.Empty, Start.AddMinutes(minute), Properties(traits), groupId);

    public static string NewUserId() => "user-" + Guid.NewGuid().ToString("N")[..12];

    private static EventProperties Properties((string Key, PropertyValue Value)[] traits) =>
        traits.Length == 0 ? EventProperties.Empty : new EventProperties(traits.Select(t => KeyValuePair.Create(t.Key, t.Value)));
}
