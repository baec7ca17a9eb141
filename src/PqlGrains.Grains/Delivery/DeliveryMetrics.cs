using System.Diagnostics.Metrics;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Grains.Delivery;

/// <summary>
/// Outcomes of outbox deliveries per channel (crm: tasks and notes, alert, webhook): delivered, failed and to be
/// retried, or dead-lettered (given up). A dead letter is the one an operator must act on.
/// </summary>
public sealed class DeliveryMetrics
{
    private const int Channels = 3;
    private readonly Counter<long> _outcomes;
    private readonly KeyValuePair<string, object?>[][] _tags;

    public DeliveryMetrics(IMeterFactory meters)
    {
        _outcomes = meters.Create(PqlMeter.Name)
            .CreateCounter<long>("pql.delivery.outcomes", "{delivery}", "Outbox delivery attempts per channel (crm, alert, webhook) and outcome (delivered, retrying, dead_lettered).");
        string[] channels = ["crm", "alert", "webhook"];
        string[] outcomes = ["delivered", "retrying", "dead_lettered"];
        _tags = new KeyValuePair<string, object?>[Channels * outcomes.Length][];
        for (var channel = 0; channel < Channels; channel++)
        {
            for (var outcome = 0; outcome < outcomes.Length; outcome++)
            {
                _tags[(outcome * Channels) + channel] = [new("channel", channels[channel]), new("outcome", outcomes[outcome])];
            }
        }
    }

    public void Delivered(DeliveryKind kind) => Add(kind, 0);

    public void Retrying(DeliveryKind kind) => Add(kind, 1);

    public void DeadLettered(DeliveryKind kind) => Add(kind, 2);

    private void Add(DeliveryKind kind, int outcome)
    {
        var channel = kind switch
        {
            DeliveryKind.Alert => 1,
            DeliveryKind.Webhook => 2,
            _ => 0,
        };
        _outcomes.Add(1, _tags[(outcome * Channels) + channel]);
    }
}
