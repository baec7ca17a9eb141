using PqlGrains.Grains.Privacy;

namespace PqlGrains.Grains.Delivery;

/// <summary>An erased contact's details never leave in a delivery that was still waiting.</summary>
public sealed partial class LeadOutboxGrain
{
    public async Task<int> EraseContact(string userId)
    {
        var redacted = 0;
        foreach (var entry in state.State.Pending)
        {
            if (ContactRedaction.Names(entry.Request.Context, userId))
            {
                entry.Request = entry.Request with { Context = ContactRedaction.Redact(entry.Request.Context), Headline = ContactRedaction.Redact(entry.Request.Headline, userId) };
                redacted++;
            }
        }

        if (redacted > 0)
        {
            await state.WriteStateAsync();
        }

        return redacted;
    }
}
