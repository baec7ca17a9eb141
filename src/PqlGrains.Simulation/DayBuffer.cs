namespace PqlGrains.Simulation;

/// <summary>Collects one day's messages with deterministic ids and returns them in time order.</summary>
internal sealed class DayBuffer
{
    private readonly string _idPrefix;
    private readonly List<SimulatedMessage> _messages = [];
    private readonly List<long> _order = [];
    private long _sequence;

    public DayBuffer(ulong seed)
    {
        _idPrefix = $"sim-{seed:x}-";
    }

    public static KeyValuePair<string, object> Prop(string key, object value) => new(key, value);

    public void Track(SimulatedUser user, DateTimeOffset at, string name, params KeyValuePair<string, object>[] properties) =>
        Add(SegmentCall.Track, user.Id, at, name, properties, user.Account?.Id);

    public void Page(SimulatedUser user, DateTimeOffset at, string name, string path) =>
        Add(SegmentCall.Page, user.Id, at, name, [new("path", path), new("url", "https://app.example.com" + path), new("title", name)], user.Account?.Id);

    public void Identify(SimulatedUser user, DateTimeOffset at, IReadOnlyList<KeyValuePair<string, object>> traits, string? anonymousId = null) =>
        Add(SegmentCall.Identify, user.Id, at, null, traits, user.Account?.Id, anonymousId);

    public void Group(SimulatedUser user, DateTimeOffset at, IReadOnlyList<KeyValuePair<string, object>> traits) =>
        Add(SegmentCall.Group, user.Id, at, null, traits, user.Account!.Id);

    /// <summary>The day's messages sorted by timestamp, ties kept in creation order; empties the buffer.</summary>
    public IReadOnlyList<SimulatedMessage> Drain()
    {
        var messages = _messages.ToArray();
        var keys = new (long Ticks, long Sequence)[messages.Length];
        for (var i = 0; i < messages.Length; i++)
        {
            keys[i] = (messages[i].Timestamp.UtcTicks, _order[i]);
        }

        Array.Sort(keys, messages);
        _messages.Clear();
        _order.Clear();
        return messages;
    }

    private void Add(SegmentCall type, string userId, DateTimeOffset at, string? name, IReadOnlyList<KeyValuePair<string, object>> properties, string? groupId, string? anonymousId = null)
    {
        var sequence = _sequence++;
        _messages.Add(new SimulatedMessage(type, _idPrefix + sequence.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), userId, at, name, properties, groupId, anonymousId));
        _order.Add(sequence);
    }
}
