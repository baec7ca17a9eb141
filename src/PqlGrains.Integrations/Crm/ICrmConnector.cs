using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.Crm;

/// <summary>
/// One CRM. Calls are single attempts: POSTs are never retried inside the connector, so the caller (the outbox)
/// decides on retries and remembers <see cref="DeliveryResult.ExternalId"/> to avoid duplicate tasks.
/// </summary>
public interface ICrmConnector
{
    /// <summary>Stable name ("hubspot", "salesforce", "builtin") the outbox keys remembered ids by.</summary>
    string Name { get; }

    /// <summary>Creates the rep's task; the result's ExternalId is the CRM task id.</summary>
    Task<DeliveryResult> CreateTaskAsync(CrmTask task, CancellationToken cancellationToken);

    /// <summary>Logs an activity on the existing record(s); the result's ExternalId is the CRM note/activity id.</summary>
    Task<DeliveryResult> LogNoteAsync(CrmNote note, CancellationToken cancellationToken);

    /// <summary>Marks a task completed (the old task when a lead is re-queued to another rep).</summary>
    Task<DeliveryResult> CompleteTaskAsync(string taskId, CancellationToken cancellationToken);
}
