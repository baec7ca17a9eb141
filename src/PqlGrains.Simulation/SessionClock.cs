namespace PqlGrains.Simulation;

/// <summary>Places a day's behaviours inside its sessions, a few minutes apart.</summary>
internal sealed class SessionClock
{
    private readonly DateTimeOffset[] _cursors;
    private readonly Pcg32 _random;

    public SessionClock(DateTimeOffset[] sessionStarts, Pcg32 random)
    {
        _cursors = (DateTimeOffset[])sessionStarts.Clone();
        _random = random;
        Latest = _cursors[^1];
    }

    /// <summary>The latest moment handed out so far: conversions come after it.</summary>
    public DateTimeOffset Latest { get; private set; }

    public DateTimeOffset Next()
    {
        var session = _random.Next(_cursors.Length);
        _cursors[session] = _cursors[session].AddSeconds(20 + _random.Next(600));
        if (_cursors[session] > Latest)
        {
            Latest = _cursors[session];
        }

        return _cursors[session];
    }
}
