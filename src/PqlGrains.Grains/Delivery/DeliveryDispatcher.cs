using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Leads;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Integrations.BuiltIn;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Delivery;
using PqlGrains.Integrations.Webhooks;
using PqlGrains.Routing.Model;

namespace PqlGrains.Grains.Delivery;

/// <summary>
/// Sends one outbox item through the connectors that serve its kind (every configured CRM for tasks and notes, the
/// alert channels for alerts, the webhook or the built-in sink for webhooks). Connectors make single attempts; the
/// outbox owns retries.
/// </summary>
public sealed class DeliveryDispatcher(
    IEnumerable<ICrmConnector> crms,
    IEnumerable<IAlertConnector> alerts,
    IEnumerable<IWebhookConnector> webhooks,
    BuiltInSink sink,
    IOptions<LeadOptions> leadOptions,
    TimeProvider time)
{
    private readonly ICrmConnector[] _crms = [.. crms];
    private readonly IAlertConnector[] _alerts = [.. alerts];
    private readonly IWebhookConnector[] _webhooks = [.. webhooks];

    /// <summary>The connector names an item of this kind goes to.</summary>
    public IReadOnlyList<string> Targets(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Alert => [.. _alerts.Select(alert => alert.Name)],
        DeliveryKind.Webhook => _webhooks.Length == 0 ? [sink.Name] : [.. _webhooks.Select(webhook => webhook.Name)],
        _ => [.. _crms.Select(crm => crm.Name)],
    };

    /// <param name="taskIds">For a task completion: the external id of the task per connector, null while that task is still pending.</param>
    public async Task<DeliveryResult?> SendAsync(DeliveryRequest request, string connector, Func<string, string?> taskIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var brief = LeadBriefs.From(request.LeadId, request.Context, leadOptions.Value.ApiBaseUrl);
        var owner = new CrmOwnerIds(request.OwnerHubSpotId, request.OwnerSalesforceId);
        var records = LeadBriefs.Records(request.Links);
        switch (request.Kind)
        {
            case DeliveryKind.CreateTask:
                var task = CrmTask.ForLead(brief, owner, request.DueAt ?? now, request.HighPriority ? TaskPriority.High : TaskPriority.Medium, records, now);
                return await Crm(connector).CreateTaskAsync(task, cancellationToken);
            case DeliveryKind.AddNote:
                return await Crm(connector).LogNoteAsync(CrmNote.ForLead(brief, request.Headline, request.OwnerHubSpotId is null && request.OwnerSalesforceId is null ? null : owner, records, now), cancellationToken);
            case DeliveryKind.CompleteTask:
                return taskIds(connector) switch
                {
                    null => null,
                    // The task never reached this CRM (dead-lettered): there is nothing to mark done.
                    "" => DeliveryResult.Delivered(connector, null),
                    var taskId => await Crm(connector).CompleteTaskAsync(taskId, cancellationToken),
                };
            case DeliveryKind.Alert:
                var alert = new LeadAlert((AlertKind)(int)request.AlertKind, brief, request.OwnerName, request.DueAt, null, request.Headline, now);
                return await _alerts.First(candidate => candidate.Name == connector).SendAsync(alert, cancellationToken);
            default:
                var webhook = new WebhookEvent(request.ItemId, request.WebhookType ?? "lead.updated", request.CreatedAt, WebhookData(request, brief.LeadUrl));
                var target = _webhooks.FirstOrDefault(candidate => candidate.Name == connector) ?? (IWebhookConnector)sink;
                return await target.SendAsync(webhook, now, cancellationToken);
        }
    }

    private ICrmConnector Crm(string name) => _crms.First(crm => crm.Name == name);

    private static System.Text.Json.Nodes.JsonObject WebhookData(DeliveryRequest request, Uri leadUrl) => new()
    {
        ["lead_id"] = request.LeadId,
        ["account_id"] = request.Context.AccountId,
        ["user_id"] = request.Context.ContactUserId,
        ["email"] = request.Context.ContactEmail,
        ["tier"] = request.Context.Tier,
        ["score"] = request.Context.Score,
        ["definition_version"] = request.Context.DefinitionVersion,
        ["summary"] = request.Headline,
        ["url"] = leadUrl.ToString(),
    };
}
