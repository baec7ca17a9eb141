namespace PqlGrains.Routing.Enrichment;

/// <summary>
/// Remembers lookups per domain, misses included, for <c>timeToLive</c>, holding at most <c>capacity</c>
/// domains (least recently used leaves first) so a long-running silo's memory stays bounded.
/// </summary>
public sealed class CachedFirmographicsProvider : IFirmographicsProvider
{
    private readonly IFirmographicsProvider _inner;
    private readonly int _capacity;
    private readonly TimeSpan _timeToLive;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();

    public CachedFirmographicsProvider(IFirmographicsProvider inner, int capacity, TimeSpan timeToLive, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        _inner = inner;
        _capacity = capacity;
        _timeToLive = timeToLive;
        _time = time ?? TimeProvider.System;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async ValueTask<Firmographics?> FindAsync(string domain, CancellationToken cancellationToken)
    {
        var key = domain.Trim().ToLowerInvariant();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (node.Value.ExpiresAt > now)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return node.Value.Value;
                }

                Evict(node);
            }
        }

        var found = await _inner.FindAsync(key, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var raced))
            {
                Evict(raced);
            }

            _entries[key] = _recency.AddFirst(new Entry(key, found, now + _timeToLive));
            while (_entries.Count > _capacity)
            {
                Evict(_recency.Last!);
            }
        }

        return found;
    }

    private void Evict(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Domain);
    }

    private sealed record Entry(string Domain, Firmographics? Value, DateTimeOffset ExpiresAt);
}
