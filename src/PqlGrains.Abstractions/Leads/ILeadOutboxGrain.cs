using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// The durable outbox of one lead subject (same key as its <see cref="ILeadGrain"/>): stores each delivery before
/// trying it, retries with backoff and jitter across restarts, and reports results back to the lead grain.
/// </summary>
public interface ILeadOutboxGrain : IGrainWithStringKey
{
    /// <summary>Stores the items durably (in order) and returns; delivery happens in later turns.</summary>
    Task Enqueue(DeliveryRequest[] items);

    /// <summary>Items not yet delivered or dead-lettered.</summary>
    Task<int> PendingCount();

    /// <summary>Blanks the contact fields of pending items that name <paramref name="userId"/>; returns how many.</summary>
    Task<int> EraseContact(string userId);
}
