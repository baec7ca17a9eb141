namespace PqlGrains.Scoring.Evaluation;

/// <summary>What applying one event did; cheap to return on the hot path.</summary>
[Flags]
public enum ApplyOutcome : byte
{
    /// <summary>The event matched nothing new (or was older than the state keeps).</summary>
    None = 0,

    /// <summary>The state changed; the score may have moved and the state needs persisting.</summary>
    Changed = 1,

    /// <summary>A route-immediately signal earned points from this event: route now, do not wait for the tier.</summary>
    RouteImmediately = 2,

    /// <summary>The messageId was already applied; nothing changed.</summary>
    Duplicate = 4,
}
