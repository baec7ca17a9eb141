namespace PqlGrains.Abstractions.Qualification;

/// <summary>
/// Receives tier changes from user and account grains. Register implementations in DI (every
/// registered observer is called, in registration order); lead qualification plugs in here.
/// Called from inside the subject's grain turn: keep it short (forward to a grain, do not block).
/// </summary>
public interface ITierChangeObserver
{
    Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken);
}
