using PqlGrains.Scoring.Events;

namespace PqlGrains.Calibration.Tests.Replay;

/// <summary>Hand-written product events for replay tests.</summary>
internal static class TestEvents
{
    private static int _sequence;

    public static DateTimeOffset At(int day, int hour) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day - 1).AddHours(hour);

    public static ScoringEvent Track(string user, string name, DateTimeOffset at, params (string Key, object Value)[] properties) =>
        new($"m{Interlocked.Increment(ref _sequence)}", user, EventType.Track, name, at, Properties(properties));

    public static ScoringEvent Identify(string user, DateTimeOffset at, params (string Key, object Value)[] traits) =>
        new($"m{Interlocked.Increment(ref _sequence)}", user, EventType.Identify, string.Empty, at, Properties(traits));

    private static EventProperties Properties((string Key, object Value)[] values) => new(values.Select(v => new KeyValuePair<string, PropertyValue>(v.Key, v.Value switch
    {
        string text => PropertyValue.From(text),
        bool flag => PropertyValue.From(flag),
        double number => PropertyValue.From(number),
        int whole => PropertyValue.From(whole),
        _ => throw new ArgumentException($"unsupported test property {v.Key}"),
    })));
}
