using System.Diagnostics.Metrics;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Silo.Gateway;

/// <summary>
/// The tracking API's instruments: events accepted (durable), events rejected by reason (<c>invalid</c>: the event
/// itself, <c>unavailable</c>: the log could not store it and the sender retries), and whole requests refused by reason.
/// One counter add per request with cached tags.
/// </summary>
internal sealed class GatewayMetrics
{
    private static readonly KeyValuePair<string, object?> InvalidTag = new("reason", "invalid");
    private static readonly KeyValuePair<string, object?> UnavailableTag = new("reason", "unavailable");
    private static readonly KeyValuePair<string, object?>[] RequestTags =
    [
        new("reason", "unauthorized"),
        new("reason", "invalid_body"),
        new("reason", "too_large"),
        new("reason", "unsupported_encoding"),
        new("reason", "foreign_format"),
        new("reason", "unknown_call"),
    ];

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejectedEvents;
    private readonly Counter<long> _rejectedRequests;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PqlMeter.Name);
        _accepted = meter.CreateCounter<long>("pql.gateway.events.accepted", "{event}", "Events the tracking API acknowledged with a 2xx (durable in the log).");
        _rejectedEvents = meter.CreateCounter<long>("pql.gateway.events.rejected", "{event}", "Events not accepted, by reason: invalid (the event is wrong; the 200 body or 400 says why) or unavailable (the log failed; 503, the sender retries).");
        _rejectedRequests = meter.CreateCounter<long>("pql.gateway.requests.rejected", "{request}", "Whole tracking requests refused before any event was read, by reason.");
    }

    public void Accepted(int events)
    {
        if (events > 0)
        {
            _accepted.Add(events);
        }
    }

    public void Invalid(int events)
    {
        if (events > 0)
        {
            _rejectedEvents.Add(events, InvalidTag);
        }
    }

    public void Unavailable(int events) => _rejectedEvents.Add(events, UnavailableTag);

    public void Refused(GatewayRequestRejection reason) => _rejectedRequests.Add(1, RequestTags[(int)reason]);
}
