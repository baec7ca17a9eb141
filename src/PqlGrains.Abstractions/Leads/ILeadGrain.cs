using Orleans.Concurrency;
using PqlGrains.Abstractions.Privacy;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// The leads of one subject (key from <see cref="LeadKeys"/>): at most one open lead at a time, plus the closed
/// ones before it. Opens, routes and re-queues leads; the SLA runs on an Orleans reminder.
/// </summary>
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a tier change durably and returns; routing and delivery follow in a later turn. Interleaves, so a
    /// publishing user or account grain never waits on a lead that is reading that same grain's view.
    /// Redelivered changes are ignored.
    /// </summary>
    [AlwaysInterleave]
    Task Qualify(TierChanged change);

    /// <summary>The lead with this id (open or closed), or null.</summary>
    Task<Lead?> Get(string leadId);

    /// <summary>The open lead, or null when none is open.</summary>
    Task<Lead?> Current();

    Task<LeadCommandResult> RecordContact(string leadId, ContactReport contact);

    Task<LeadCommandResult> RecordFeedback(string leadId, LeadFeedback feedback);

    /// <summary>Closes the open lead as converted (or notes the conversion on the latest lead) and stores it for calibration.</summary>
    Task<Conversion> RecordConversion(decimal amount, DateTimeOffset at);

    /// <summary>Links the subject's existing CRM records; later tasks and notes attach to them.</summary>
    Task LinkCrmRecords(CrmLinks links);

    /// <summary>The outbox reports a delivery (with the CRM's id) or a dead letter. One-way: the outbox never waits on the lead.</summary>
    [OneWay]
    Task OnDelivery(LeadDelivery delivery);

    /// <summary>
    /// Redacts <paramref name="userId"/> wherever this subject's leads name them as contact (context, history, pending
    /// deliveries); the leads stay, marked <see cref="Lead.ContactErasedAt"/>. Lists copies already delivered outside.
    /// </summary>
    Task<LeadErasure> EraseContact(string userId);
}
