namespace PqlGrains.Grains.Delivery;

/// <summary>Exponential backoff with full jitter in the upper half, honouring a server's Retry-After.</summary>
public static class RetryBackoff
{
    public static TimeSpan Next(int attempt, TimeSpan initial, TimeSpan max, TimeSpan? retryAfter, Random random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 20);
        var ceiling = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        // Jitter spreads retries of many leads hitting the same outage so they do not return in lock-step.
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
        return retryAfter is { } server && server > delay ? server : delay;
    }
}
