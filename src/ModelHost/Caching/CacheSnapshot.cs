namespace MultiModel.ModelHost.Caching;

/// <summary>What the cache holds right now and what it has done since start.</summary>
public sealed record CacheSnapshot(
    long BudgetBytes,
    long UsedBytes,
    IReadOnlyList<LoadedModel> Models,
    long Hits,
    long Misses,
    long Loads,
    long FailedLoads,
    long Evictions);
