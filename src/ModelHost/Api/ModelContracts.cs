using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api;

// Response shapes of the model catalogue endpoints.

public sealed record TensorDescription(string Name, string Datatype, int[] Shape, string[] DimensionNames);

/// <param name="ConfidenceDrift">How far the top scores have moved from their baseline; null for a model without labels.</param>
public sealed record ModelDescription(
    string Id,
    int Version,
    int[] Versions,
    TensorDescription[] Inputs,
    TensorDescription[] Outputs,
    string[] SkippedOutputs,
    string? ScoresOutput,
    ConfidenceDriftReading? ConfidenceDrift,
    IReadOnlyList<UnloadableVersion> UnloadableVersions,
    RolloutDescription? Rollout);

/// <param name="ChargeBytes">What the cache counts the model as: its measured footprint, else the file-size estimate.</param>
/// <param name="MeasuredBytes">Native memory its session was measured to take; null when not measured.</param>
/// <param name="Hits">Requests that found it loaded, as the cache's hits count them: the request that loaded it was a miss.</param>
/// <param name="ConfidenceDrift">How far its top scores have moved from their baseline; null for a model without labels.</param>
public sealed record LoadedModelSummary(
    string Id, int Version, long FileBytes, long ChargeBytes, long? MeasuredBytes, long Hits, DateTimeOffset LoadedAt, DateTimeOffset LastUsed,
    ConfidenceDriftReading? ConfidenceDrift);

/// <summary>The process's real memory beside the cache's books.</summary>
/// <param name="ResidentLimitBytes">Base plus budget: what loads keep resident memory under by evicting.</param>
/// <param name="LoadsPastLimit">Loads that went ahead over the limit because no model was left to evict.</param>
public sealed record ProcessMemoryDescription(
    long ResidentBytes,
    long? BaseResidentBytes,
    long? ResidentLimitBytes,
    long? NativeAllocatedBytes,
    long ManagedHeapBytes,
    long LoadsPastLimit);

/// <param name="BudgetBytes">The models' budget: the process's, less the response cache's bytes when a model has it on.</param>
/// <param name="Hits">Requests that found their model loaded.</param>
/// <param name="Misses">Requests that waited for their model's load (or its remembered failure); a model or version the
/// store does not have is a 404 and neither a hit nor a miss.</param>
public sealed record CacheDescription(
    long BudgetBytes,
    string BudgetSource,
    long UsedBytes,
    ProcessMemoryDescription Memory,
    long Hits,
    long Misses,
    long Loads,
    long FailedLoads,
    long Evictions,
    LoadedModelSummary[] Models,
    ResponseCacheDescription? ResponseCache = null);

/// <summary>The response cache, when a model has it on: its bytes come out of the process's budget (BudgetSource says so).</summary>
public sealed record ResponseCacheDescription(long LimitBytes, long UsedBytes, long Entries);
