using Orleans.Concurrency;

namespace PqlGrains.Grains.Users;

/// <summary>The settle call <see cref="UserSettleSchedule"/> makes when a user's settle window ends.</summary>
internal interface IUserSettleGrain : IGrainWithStringKey
{
    /// <summary>Evaluates, publishes and reports what the user applied since its last settle, if the pending ticket is still current.</summary>
    [OneWay]
    Task Settle();
}
