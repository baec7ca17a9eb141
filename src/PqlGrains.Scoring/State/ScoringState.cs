using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.State;

/// <summary>
/// The mutable scoring state of one user (or of an account's own signals). Not thread-safe: one
/// grain owns one state. Apply is O(1) per event and allocation-free; the result depends only on the
/// set of events applied, never on their arrival order.
/// </summary>
public sealed class ScoringState
{
    /// <summary>
    /// How many recent messageIds are remembered for idempotence. SDK and gateway retries arrive
    /// within seconds, i.e. within the last few dozen events of a user; replays of the durable log are
    /// deduplicated by its sequence numbers before they reach the state.
    /// </summary>
    public const int RememberedMessageIds = 64;

    // A matched row fits on the stack for any definition of up to a few dozen patterns.
    private const int StackRowLength = 32;

    private readonly SignalSet _signals;
    private readonly long[] _slots;
    private readonly long[] _recentMessageIds;
    private int _nextMessageIndex;
    private SignalPointsCache? _points;

    internal ScoringState(PqlDefinition definition, SignalSet signals, long[] slots, long[] recentMessageIds, int nextMessageIndex)
    {
        Definition = definition;
        _signals = signals;
        _slots = slots;
        _recentMessageIds = recentMessageIds;
        _nextMessageIndex = nextMessageIndex;
    }

    public PqlDefinition Definition { get; }

    /// <summary>The latest track/page/screen activity applied, if any.</summary>
    public DateTimeOffset? LastActivity => _slots[CommonSlots.LastActive] is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Applies one event at its own timestamp; duplicates by messageId change nothing.</summary>
    public ApplyOutcome Apply(ScoringEvent scoringEvent)
    {
        ArgumentNullException.ThrowIfNull(scoringEvent);

        // A duplicate is known by its messageId alone: matching its patterns would be wasted.
        var messageHash = StableHash.Of(scoringEvent.MessageId);
        if (IsRecent(messageHash))
        {
            return ApplyOutcome.Duplicate;
        }

        var length = _signals.RowLength;
        var row = length <= StackRowLength ? stackalloc long[StackRowLength] : new long[length];
        row = row[..length];
        _signals.Match(scoringEvent, messageHash, row);
        return ApplyNew(row);
    }

    /// <summary>
    /// Applies an event matched beforehand (<see cref="MatchedEvents"/>), with exactly the outcome and effect of applying
    /// the event itself.
    /// </summary>
    public ApplyOutcome Apply(MatchedEvents events, int index)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!ReferenceEquals(events.Signals, _signals))
        {
            throw new ArgumentException(
                $"The events were matched under another definition or scope than this state's ('{Definition.Id}' version '{Definition.Version}'); match them with the state's own definition.",
                nameof(events));
        }

        var row = events.RowAt(index);
        return IsRecent(row[EventRow.MessageHash]) ? ApplyOutcome.Duplicate : ApplyNew(row);
    }

    private bool IsRecent(long messageHash) => _recentMessageIds.AsSpan().Contains(messageHash);

    /// <summary>Applies a matched event whose messageId is not among the recent ones, and remembers it.</summary>
    private ApplyOutcome ApplyNew(ReadOnlySpan<long> row)
    {
        _recentMessageIds[_nextMessageIndex] = row[EventRow.MessageHash];
        _nextMessageIndex = (_nextMessageIndex + 1) % _recentMessageIds.Length;
        return _signals.Apply(_slots, row, _points);
    }

    /// <summary>
    /// The score at an instant with its breakdown and explanations. Pass the clock's now or a backtest
    /// time (the wall clock is never read inside). Meant for instants at or after the events applied:
    /// a point-in-time backtest applies only the events up to <paramref name="at"/>.
    /// </summary>
    public ScoreResult Evaluate(DateTimeOffset at) => ScoreBuilder.Build(Definition, _signals, _slots, at, memberRollup: null);

    /// <summary>
    /// The same score as <see cref="Evaluate"/> (bit for bit) without the breakdown: check tiers after every event
    /// with this. Allocation-free after the first call; it re-reads only the signals the events applied since the
    /// previous call touched, and under daily decay nothing else within the same day.
    /// </summary>
    public double ScoreAt(DateTimeOffset at)
    {
        _points ??= new SignalPointsCache(_signals.Rules.Count);
        return _points.Score(Definition, _signals, _slots, _signals.Clock.At(at));
    }

    /// <summary>
    /// Each signal's points at an instant, rounded exactly as <see cref="Evaluate"/> reports them, in
    /// <see cref="PqlDefinition.Signals"/> order, at the cost of <see cref="ScoreAt"/>. The span is valid until the
    /// next call on this state.
    /// </summary>
    public ReadOnlySpan<double> SignalPointsAt(DateTimeOffset at)
    {
        ScoreAt(at);
        return _points!.Points;
    }

    /// <summary>Why outreach is held back at an instant (paying, stale), cheap enough to ask after every event.</summary>
    public SuppressionReason SuppressionAt(DateTimeOffset at) => _signals.SuppressionAt(_slots, _signals.Clock.At(at));

    /// <summary>Copies the state for persistence.</summary>
    public ScoringSnapshot ToSnapshot() =>
        new(Definition.Id, Definition.Version, (long[])_slots.Clone(), (long[])_recentMessageIds.Clone(), _nextMessageIndex);

    internal ReadOnlySpan<long> Slots => _slots;

    internal SignalSet Signals => _signals;

    /// <param name="rememberedMessageIds">
    /// Ring size, 1 to <see cref="RememberedMessageIds"/>. Fed from the durable log, which already drops repeated
    /// messageIds and is replayed by sequence, a state needs only a few as a second line (each costs 8 bytes per subject).
    /// </param>
    internal static ScoringState Create(PqlDefinition definition, SignalSet signals, int rememberedMessageIds = RememberedMessageIds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rememberedMessageIds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rememberedMessageIds, RememberedMessageIds);
        return new(definition, signals, new long[signals.SlotCount], new long[rememberedMessageIds], 0);
    }

    internal static ScoringState Restore(PqlDefinition definition, SignalSet signals, ScoringSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.DefinitionId != definition.Id || snapshot.DefinitionVersion != definition.Version)
        {
            throw new InvalidOperationException(
                $"The snapshot was built under definition '{snapshot.DefinitionId}' version '{snapshot.DefinitionVersion}', not " +
                $"'{definition.Id}' version '{definition.Version}'. Start a fresh state and replay the event log under the new definition.");
        }

        if (snapshot.Slots.Length != signals.SlotCount || snapshot.RecentMessageIds.Length is < 1 or > RememberedMessageIds ||
            snapshot.NextMessageIndex < 0 || snapshot.NextMessageIndex >= snapshot.RecentMessageIds.Length)
        {
            throw new InvalidOperationException(
                $"The snapshot of definition '{definition.Id}' version '{definition.Version}' has {snapshot.Slots.Length} slots, " +
                $"the definition needs {signals.SlotCount}: the file changed without a version bump. Bump the version and replay the event log.");
        }

        return new ScoringState(definition, signals, (long[])snapshot.Slots.Clone(), (long[])snapshot.RecentMessageIds.Clone(), snapshot.NextMessageIndex);
    }
}
