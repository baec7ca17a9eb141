using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>Builds normalised events for tests; message ids are unique unless given.</summary>
internal static class Events
{
    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static int _next;

    public static ScoringEvent Track(string name, DateTimeOffset at, string user = "u1", string? messageId = null, params (string Key, object Value)[] properties) =>
        new(messageId ?? NextId(), user, EventType.Track, name, at, Props(properties));

    public static ScoringEvent Page(string path, DateTimeOffset at, string user = "u1") =>
        new(NextId(), user, EventType.Page, "", at, Props(("path", path)));

    public static ScoringEvent Identify(DateTimeOffset at, string user = "u1", params (string Key, object Value)[] traits) =>
        new(NextId(), user, EventType.Identify, "", at, Props(traits));

    public static EventProperties Props(params (string Key, object Value)[] properties) =>
        new(properties.Select(p => KeyValuePair.Create(p.Key, p.Value switch
        {
            string s => PropertyValue.From(s),
            bool b => PropertyValue.From(b),
            int i => PropertyValue.From(i),
            double d => PropertyValue.From(d),
            _ => throw new ArgumentException($"unsupported test property {p.Value}"),
        })));

    private static string NextId() => "m" + Interlocked.Increment(ref _next);
}
