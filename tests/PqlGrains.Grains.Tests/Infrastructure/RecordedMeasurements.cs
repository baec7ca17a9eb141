using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>
/// Listens to the instruments of one <see cref="IMeterFactory"/> only: meters are process-wide, and other tests'
/// silos record under the same meter name at the same time.
/// </summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public RecordedMeasurements()
    {
        Meters = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, Meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public IMeterFactory Meters { get; }

    /// <summary>The sum of the instrument's measurements, only those carrying <paramref name="tag"/> when given.</summary>
    public long Sum(string instrument, KeyValuePair<string, object?>? tag = null) =>
        _measurements.Where(measurement => measurement.Instrument == instrument && (tag is null || measurement.Tags.Contains(tag.Value))).Sum(measurement => measurement.Value);

    /// <summary>Reads the observable instruments now (a scrape), replacing what they reported before.</summary>
    public IReadOnlyList<(long Value, KeyValuePair<string, object?>[] Tags)> Observe(string instrument)
    {
        _measurements.Clear();
        _listener.RecordObservableInstruments();
        return [.. _measurements.Where(measurement => measurement.Instrument == instrument).Select(measurement => (measurement.Value, measurement.Tags))];
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
