namespace MultiModel.Cli.Tuning;

/// <summary>What the host's cache did over the replay, from its <c>GET /models</c>.</summary>
internal sealed record CacheFigures(long BudgetBytes, long Hits, long Misses, long Loads, long Evictions)
{
    /// <summary>Hits over requests that asked the cache; null when none did.</summary>
    public double? HitRatio => Hits + Misses == 0 ? null : (double)Hits / (Hits + Misses);
}
