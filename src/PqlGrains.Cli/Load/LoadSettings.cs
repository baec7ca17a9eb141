namespace PqlGrains.Cli.Load;

/// <summary>What <c>pql load</c> sends.</summary>
/// <param name="Url">The gateway's base address; batches go to <c>{Url}/v1/batch</c>.</param>
/// <param name="Rate">Target events per second; 0 sends as fast as the gateway acknowledges.</param>
/// <param name="Users">Distinct users the events are spread over (ten users per account).</param>
/// <param name="BatchSize">Events per request.</param>
/// <param name="Concurrency">Requests in flight at most.</param>
internal sealed record LoadSettings(Uri Url, string WriteKey, int Rate, TimeSpan Duration, int Users, int BatchSize, int Concurrency);
