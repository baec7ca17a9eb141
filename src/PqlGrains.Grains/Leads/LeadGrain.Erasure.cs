using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Privacy;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Privacy;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// Erasure of a contact: leads stay (counts, calibration, the rep's history) but no longer say who the person was.
/// Copies already delivered to CRMs and chat are listed for the operator to erase there.
/// </summary>
public sealed partial class LeadGrain
{
    public async Task<LeadErasure> EraseContact(string userId)
    {
        var now = _time.GetUtcNow();
        var leadIds = new List<string>();
        var external = new List<string>();
        var changed = false;
        foreach (var lead in State.Leads)
        {
            if (lead.Activities.Any(activity => ContactRedaction.Mentions(activity.Detail, userId)))
            {
                lead.Activities = [.. lead.Activities.Select(activity => activity with { Detail = ContactRedaction.Redact(activity.Detail, userId) })];
                changed = true;
            }

            if (!ContactRedaction.Names(lead.Context, userId))
            {
                continue;
            }

            lead.Context = ContactRedaction.Redact(lead.Context!);
            lead.ContactErasedAt = now;
            Record(lead, now, LeadActivityKind.ContactErased, "the contact was erased on request; the lead is kept without their details");
            external.AddRange(lead.Deliveries
                .Where(delivery => delivery.State == DeliveryState.Delivered)
                .Select(delivery => $"{delivery.Connector}:{delivery.Kind}:{delivery.ExternalId ?? delivery.ItemId}"));
            leadIds.Add(lead.LeadId);
            changed = true;
        }

        var publisher = $"{SubjectKind.User}:{userId}";
        changed |= State.LastApplied.Remove(publisher);
        changed |= State.Pending.RemoveAll(change => change.Kind == SubjectKind.User && change.SubjectId == userId) > 0;
        if (changed)
        {
            await SaveAsync();
        }

        var pending = await GrainFactory.GetGrain<ILeadOutboxGrain>(Subject).EraseContact(userId);
        return new LeadErasure([.. leadIds], pending, [.. external.Distinct(StringComparer.Ordinal)]);
    }
}
