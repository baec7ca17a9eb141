using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The ingest log's instruments: events logged and dispatched per partition, user grain Apply calls and the events
/// they carried (their ratio is events per grain call), and the dispatch lag of each partition hosted here.
/// Recording is a counter add with a tag cached per partition: nothing is allocated per event or per round.
/// </summary>
public sealed class IngestMetrics
{
    private readonly Counter<long> _logged;
    private readonly Counter<long> _dispatched;
    private readonly Counter<long> _applyCalls;
    private readonly Counter<long> _applyEvents;
    private readonly KeyValuePair<string, object?>[] _partitionTags;
    // Written by each partition grain on its own turns, read by the gauge at scrape time: a torn read is impossible
    // for a long on 64-bit, and a value one round old is as good as the current one for a lag gauge.
    private readonly long[] _lag;
    private readonly bool[] _hosted;

    public IngestMetrics(IMeterFactory meters, IOptions<IngestOptions> options)
    {
        var meter = meters.Create(PqlMeter.Name);
        var partitions = options.Value.Partitions;
        _partitionTags = new KeyValuePair<string, object?>[partitions];
        for (var partition = 0; partition < partitions; partition++)
        {
            _partitionTags[partition] = new("partition", partition);
        }

        _lag = new long[partitions];
        _hosted = new bool[partitions];
        _logged = meter.CreateCounter<long>("pql.ingest.events.logged", "{event}", "Events appended to the durable ingest log (acknowledged to the sender).");
        _dispatched = meter.CreateCounter<long>("pql.ingest.events.dispatched", "{event}", "Logged events handed to their user grains and confirmed.");
        _applyCalls = meter.CreateCounter<long>("pql.ingest.user_apply.calls", "{call}", "UserGrain.Apply calls made by dispatch, retries included.");
        _applyEvents = meter.CreateCounter<long>("pql.ingest.user_apply.events", "{event}", "Events carried by UserGrain.Apply calls; divided by the calls it is events per grain call.");
        meter.CreateObservableGauge("pql.ingest.dispatch.lag", ObserveLag, "{event}", "Events logged but not yet dispatched, per ingest partition hosted on this silo.");
    }

    /// <summary>A partition appended <paramref name="events"/> events to the log.</summary>
    public void Logged(int partition, int events)
    {
        if (TryTag(partition, out var tag))
        {
            _logged.Add(events, tag);
        }
    }

    /// <summary>A partition's dispatch watermark moved over <paramref name="events"/> sequences.</summary>
    public void Dispatched(int partition, long events)
    {
        if (TryTag(partition, out var tag))
        {
            _dispatched.Add(events, tag);
        }
    }

    /// <summary>One dispatch attempt called <paramref name="calls"/> user grains with <paramref name="events"/> events in all.</summary>
    public void UserApplies(int calls, int events)
    {
        _applyCalls.Add(calls);
        _applyEvents.Add(events);
    }

    /// <summary>The partition's log end and dispatch watermark, for the lag gauge.</summary>
    public void Progress(int partition, long loggedUpTo, long dispatchedUpTo)
    {
        if ((uint)partition < (uint)_lag.Length)
        {
            Volatile.Write(ref _lag[partition], loggedUpTo - dispatchedUpTo);
            _hosted[partition] = true;
        }
    }

    /// <summary>The partition left this silo: its lag is reported by whichever silo activates it next.</summary>
    public void Released(int partition)
    {
        if ((uint)partition < (uint)_hosted.Length)
        {
            _hosted[partition] = false;
        }
    }

    private bool TryTag(int partition, out KeyValuePair<string, object?> tag)
    {
        if ((uint)partition < (uint)_partitionTags.Length)
        {
            tag = _partitionTags[partition];
            return true;
        }

        tag = default;
        return false;
    }

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        for (var partition = 0; partition < _lag.Length; partition++)
        {
            if (Volatile.Read(ref _hosted[partition]))
            {
                yield return new Measurement<long>(Volatile.Read(ref _lag[partition]), _partitionTags[partition]);
            }
        }
    }
}
