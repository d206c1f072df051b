namespace MultiModel.Cli.Tuning;

/// <summary>What the host's cache did over the replay, from its <c>GET /models</c>.</summary>
/// <param name="FirstLoads">Models the replay asked for: each one's first request is a miss at any size, so the hit ratio leaves them out.</param>
internal sealed record CacheFigures(long BudgetBytes, long Hits, long Misses, long Loads, long Evictions, int FirstLoads)
{
    /// <summary>
    /// Hits over the requests that came after each model's first: 1 when the budget holds every model the workload
    /// uses, lower as reloads after evictions take their place; null when no such request came.
    /// </summary>
    public double? HitRatio => Hits + Misses - FirstLoads <= 0 ? null : Math.Clamp((double)Hits / (Hits + Misses - FirstLoads), 0, 1);
}
