namespace MultiModel.ModelHost.Caching;

/// <summary>What the cache holds right now, the process's real memory beside it, and what the cache has done since start.</summary>
/// <param name="BaseResidentBytes">Resident memory before any model was loaded; null until ONNX Runtime has started.</param>
/// <param name="NativeAllocatedBytes">Bytes native code holds from malloc; null where that cannot be counted (not glibc).</param>
/// <param name="LoadsPastResidentLimit">Loads that found resident memory over base + budget with no model left to evict.</param>
public sealed record CacheSnapshot(
    CacheBudget Budget,
    long UsedBytes,
    IReadOnlyList<LoadedModel> Models,
    long ResidentBytes,
    long? BaseResidentBytes,
    long? NativeAllocatedBytes,
    long ManagedHeapBytes,
    long LoadsPastResidentLimit,
    long Hits,
    long Misses,
    long Loads,
    long FailedLoads,
    long Evictions)
{
    public long BudgetBytes => Budget.Bytes;
}
