using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.Salesforce;

/// <summary>Salesforce REST API: Task sObjects (<c>/services/data/vXX.X/sobjects/Task</c>).</summary>
public sealed class SalesforceCrmConnector(HttpClient client, IOptions<SalesforceOptions> options) : ICrmConnector
{
    public const string ConnectorName = "salesforce";

    // Description is a 32,000-character long text area; Subject a 255-character combo box.
    private const int DescriptionLimit = 32_000;
    private const int SubjectLimit = 255;
    private readonly SalesforceOptions _options = options.Value;

    public string Name => ConnectorName;

    private string TaskPath => $"services/data/{_options.ApiVersion}/sobjects/Task";

    public Task<DeliveryResult> CreateTaskAsync(CrmTask task, CancellationToken cancellationToken)
    {
        if (task.Owner.Salesforce is not { Length: > 0 } owner)
        {
            return Task.FromResult(DeliveryResult.Permanent(Name, $"the assigned rep has no Salesforce user id; add crm_owner_ids.salesforce to the rep in the routing file (lead {task.LeadId})"));
        }

        var fields = new SalesforceTaskFields
        {
            Subject = Limit(task.Subject, SubjectLimit),
            OwnerId = owner,
            WhoId = Blank(task.Records.SalesforceWhoId),
            WhatId = Blank(task.Records.SalesforceWhatId),
            ActivityDate = task.DueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Priority = task.Priority switch { TaskPriority.High => "High", TaskPriority.Low => "Low", _ => "Normal" },
            Status = _options.OpenStatus,
            Description = Limit(task.BodyText, DescriptionLimit),
            IsReminderSet = true,
            ReminderDateTime = task.DueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture),
        };
        return CreateAsync(fields, cancellationToken);
    }

    /// <summary>Salesforce logs an activity on a record as a completed Task on the Contact (WhoId) and Account/Opportunity (WhatId).</summary>
    public Task<DeliveryResult> LogNoteAsync(CrmNote note, CancellationToken cancellationToken)
    {
        if (Blank(note.Records.SalesforceWhoId) is null && Blank(note.Records.SalesforceWhatId) is null)
        {
            return Task.FromResult(DeliveryResult.Permanent(Name, $"no Salesforce WhoId or WhatId to log the activity on (lead {note.LeadId}); pass the Contact/Account ids from the traits"));
        }

        var fields = new SalesforceTaskFields
        {
            Subject = Limit(note.Subject, SubjectLimit),
            OwnerId = Blank(note.Owner?.Salesforce),
            WhoId = Blank(note.Records.SalesforceWhoId),
            WhatId = Blank(note.Records.SalesforceWhatId),
            ActivityDate = note.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Priority = "Normal",
            Status = _options.CompletedStatus,
            Description = Limit(note.BodyText, DescriptionLimit),
        };
        return CreateAsync(fields, cancellationToken);
    }

    public Task<DeliveryResult> CompleteTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{TaskPath}/{Uri.EscapeDataString(taskId)}")
        {
            Content = JsonContent.Create(new SalesforceStatusUpdate(_options.CompletedStatus)),
        };

        // A successful update answers 204 No Content: the task keeps its id.
        return SendAsync(request, _ => DeliveryResult.Delivered(Name, taskId), cancellationToken);
    }

    private Task<DeliveryResult> CreateAsync(SalesforceTaskFields fields, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TaskPath) { Content = JsonContent.Create(fields) };
        return SendAsync(request, Created, cancellationToken);
    }

    private DeliveryResult Created(string body)
    {
        var result = JsonBodies.TryRead<SalesforceSaveResult>(body);
        if (result is { Success: true, Id: { Length: > 0 } id })
        {
            return DeliveryResult.Delivered(Name, id);
        }

        var errors = result?.Errors is { Count: > 0 } list ? string.Join("; ", list.Select(e => e.Describe())) : body;
        return DeliveryResult.Permanent(Name, $"Salesforce did not create the Task: {errors}");
    }

    private Task<DeliveryResult> SendAsync(HttpRequestMessage request, Func<string, DeliveryResult> onSuccess, CancellationToken cancellationToken) =>
        DeliveryHttp.SendAsync(
            client,
            request,
            Name,
            onSuccess,
            ErrorMessage,
            $"{SalesforceOptions.Section}:AccessToken / :InstanceUrl / :ApiVersion",
            cancellationToken);

    // Salesforce errors are a JSON array of {message, errorCode, fields}.
    private static string? ErrorMessage(string body) =>
        JsonBodies.TryRead<List<SalesforceError>>(body) is { Count: > 0 } errors
            ? "Salesforce: " + string.Join("; ", errors.Select(e => e.Describe()))
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Limit(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
