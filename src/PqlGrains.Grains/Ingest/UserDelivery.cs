using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>One user's share of a dispatch round: the events a single <c>IUserGrain.Apply</c> call carries.</summary>
internal readonly record struct UserDelivery(string UserId, UserEventBatch Batch);
