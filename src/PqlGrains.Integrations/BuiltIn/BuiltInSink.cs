using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Delivery;
using PqlGrains.Integrations.Slack;
using PqlGrains.Integrations.Webhooks;

namespace PqlGrains.Integrations.BuiltIn;

/// <summary>
/// Where tasks and alerts go when no connector is configured: a log line each, and the most recent entries in
/// memory so the leads API can show them. Lets the embedded default visibly route leads with no CRM at all.
/// </summary>
public sealed partial class BuiltInSink : ICrmConnector, IAlertConnector, IWebhookConnector
{
    public const string ConnectorName = "builtin";
    private readonly ILogger<BuiltInSink> _logger;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly LinkedList<SinkEntry> _entries = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public BuiltInSink(ILogger<BuiltInSink> logger, IOptions<BuiltInSinkOptions> options, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        _capacity = options.Value.Capacity;
    }

    public string Name => ConnectorName;

    public Task<DeliveryResult> CreateTaskAsync(CrmTask task, CancellationToken cancellationToken) =>
        Record("task", task.LeadId, $"{task.Subject} | owner hubspot={task.Owner.HubSpot ?? "-"} salesforce={task.Owner.Salesforce ?? "-"} | due {task.DueAt:O} | {task.Priority}", task.BodyText);

    public Task<DeliveryResult> LogNoteAsync(CrmNote note, CancellationToken cancellationToken) =>
        Record("note", note.LeadId, note.Subject, note.BodyText);

    public Task<DeliveryResult> CompleteTaskAsync(string taskId, CancellationToken cancellationToken) =>
        Record("task-completed", null, $"task {taskId} marked completed", string.Empty, taskId);

    public Task<DeliveryResult> SendAsync(LeadAlert alert, CancellationToken cancellationToken) =>
        Record("alert", alert.Brief.LeadId, SlackMessage.Headline(alert) + (alert.AssignedTo is null ? string.Empty : $" -> {alert.AssignedTo}"), alert.Reason ?? string.Empty);

    public Task<DeliveryResult> SendAsync(WebhookEvent webhookEvent, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Record("webhook", null, $"{webhookEvent.Type} {webhookEvent.Id}", webhookEvent.Body(), webhookEvent.Id);

    /// <summary>The entries about one lead, oldest first.</summary>
    public IReadOnlyList<SinkEntry> ForLead(string leadId)
    {
        lock (_gate)
        {
            return _entries.Where(entry => entry.LeadId == leadId).ToList();
        }
    }

    /// <summary>The latest entries, oldest first.</summary>
    public IReadOnlyList<SinkEntry> Recent(int count)
    {
        lock (_gate)
        {
            return _entries.Skip(Math.Max(0, _entries.Count - count)).ToList();
        }
    }

    private Task<DeliveryResult> Record(string kind, string? leadId, string summary, string detail, string? externalId = null)
    {
        SinkEntry entry;
        lock (_gate)
        {
            var sequence = ++_sequence;
            entry = new SinkEntry(sequence, kind, leadId, externalId ?? $"builtin-{sequence}", _time.GetUtcNow(), summary, detail);
            _entries.AddLast(entry);
            if (_entries.Count > _capacity)
            {
                _entries.RemoveFirst();
            }
        }

        LogEntry(kind, leadId ?? "-", entry.ExternalId, summary);
        return Task.FromResult(DeliveryResult.Delivered(Name, entry.ExternalId));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No connector configured; built-in sink recorded {Kind} for lead {LeadId} as {ExternalId}: {Summary}")]
    private partial void LogEntry(string kind, string leadId, string externalId, string summary);
}
