namespace MultiModel.ModelHost.Api;

// Response shapes of the model catalogue endpoints.

public sealed record TensorDescription(string Name, string Datatype, int[] Shape, string[] DimensionNames);

public sealed record ModelDescription(
    string Id,
    int Version,
    int[] Versions,
    TensorDescription[] Inputs,
    TensorDescription[] Outputs,
    string[] SkippedOutputs,
    string? ScoresOutput);

public sealed record LoadedModelSummary(string Id, int Version, long FileBytes, long ChargeBytes, long Hits, DateTimeOffset LoadedAt, DateTimeOffset LastUsed);

public sealed record CacheDescription(
    long BudgetBytes,
    long UsedBytes,
    long Hits,
    long Misses,
    long Loads,
    long FailedLoads,
    long Evictions,
    LoadedModelSummary[] Models);
