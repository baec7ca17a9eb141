namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// A grain state save that cannot be stored for a reason of its own (its key, its payload, or a constraint its row
/// breaks). Only this save failed: the other saves of its batch were stored. Retrying it unchanged fails again.
/// </summary>
public sealed class GrainStateRejectedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
