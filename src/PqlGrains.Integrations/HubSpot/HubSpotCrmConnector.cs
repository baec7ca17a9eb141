using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.HubSpot;

/// <summary>HubSpot CRM v3: tasks (<c>/crm/v3/objects/tasks</c>) and notes (<c>/crm/v3/objects/notes</c>).</summary>
public sealed class HubSpotCrmConnector(HttpClient client, IOptions<HubSpotOptions> options) : ICrmConnector
{
    public const string ConnectorName = "hubspot";
    private const string TasksPath = "crm/v3/objects/tasks";
    private const string NotesPath = "crm/v3/objects/notes";
    private readonly HubSpotOptions _options = options.Value;

    public string Name => ConnectorName;

    public Task<DeliveryResult> CreateTaskAsync(CrmTask task, CancellationToken cancellationToken)
    {
        if (task.Owner.HubSpot is not { Length: > 0 } owner)
        {
            return Task.FromResult(DeliveryResult.Permanent(Name, $"the assigned rep has no HubSpot owner id; add crm_owner_ids.hubspot to the rep in the routing file (lead {task.LeadId})"));
        }

        var properties = new Dictionary<string, string>
        {
            ["hs_timestamp"] = Timestamp(task.DueAt),
            ["hs_task_subject"] = task.Subject,
            ["hs_task_body"] = task.BodyHtml,
            ["hubspot_owner_id"] = owner,
            ["hs_task_status"] = "NOT_STARTED",
            ["hs_task_priority"] = task.Priority.ToString().ToUpperInvariant(),
            ["hs_task_type"] = _options.TaskType,
        };
        var associations = Associations(task.Records, HubSpotAssociationTypes.TaskToContact, HubSpotAssociationTypes.TaskToCompany, HubSpotAssociationTypes.TaskToDeal);
        return SendAsync(HttpMethod.Post, TasksPath, new HubSpotCreateInput(properties, associations), cancellationToken);
    }

    public Task<DeliveryResult> LogNoteAsync(CrmNote note, CancellationToken cancellationToken)
    {
        var associations = Associations(note.Records, HubSpotAssociationTypes.NoteToContact, HubSpotAssociationTypes.NoteToCompany, HubSpotAssociationTypes.NoteToDeal);
        if (associations.Count == 0)
        {
            return Task.FromResult(DeliveryResult.Permanent(Name, $"no HubSpot contact, company or deal id to log the note on (lead {note.LeadId}); pass the record ids from the contact's or account's traits"));
        }

        var properties = new Dictionary<string, string>
        {
            ["hs_timestamp"] = Timestamp(note.At),
            ["hs_note_body"] = note.BodyHtml,
        };
        if (note.Owner?.HubSpot is { Length: > 0 } owner)
        {
            properties["hubspot_owner_id"] = owner;
        }

        return SendAsync(HttpMethod.Post, NotesPath, new HubSpotCreateInput(properties, associations), cancellationToken);
    }

    public Task<DeliveryResult> CompleteTaskAsync(string taskId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"{TasksPath}/{Uri.EscapeDataString(taskId)}", new HubSpotUpdateInput(new Dictionary<string, string> { ["hs_task_status"] = "COMPLETED" }), cancellationToken);

    private Task<DeliveryResult> SendAsync<T>(HttpMethod method, string path, T body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        return DeliveryHttp.SendAsync(
            client,
            request,
            Name,
            responseBody => DeliveryResult.Delivered(Name, JsonBodies.TryRead<HubSpotObject>(responseBody)?.Id),
            errorBody => JsonBodies.TryRead<HubSpotError>(errorBody) is { Message: { } message } error ? $"HubSpot: {message}{(error.Category is null ? string.Empty : $" [{error.Category}]")}" : null,
            $"{HubSpotOptions.Section}:AccessToken / :BaseUrl",
            cancellationToken);
    }

    private static List<HubSpotAssociation> Associations(CrmRecordIds records, int toContact, int toCompany, int toDeal)
    {
        var associations = new List<HubSpotAssociation>();
        Add(records.HubSpotContactId, toContact);
        Add(records.HubSpotCompanyId, toCompany);
        Add(records.HubSpotDealId, toDeal);
        return associations;

        void Add(string? id, int typeId)
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                associations.Add(new HubSpotAssociation(new HubSpotObjectId(id), [new HubSpotAssociationSpec(HubSpotAssociationTypes.Category, typeId)]));
            }
        }
    }

    // HubSpot accepts UTC ISO 8601 or epoch milliseconds for hs_timestamp; ISO reads better in logs.
    private static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
