using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Api.OpenInference;

// Response shapes of Triton's protocol extensions (model configuration, repository, statistics), with Triton's
// snake_case names. Each is the JSON form of the message Triton's own server returns.

/// <summary>The JSON of Triton's ModelConfig, built from the model's signature: no batching (<c>max_batch_size</c> 0), so
/// <c>dims</c> are the whole shape, -1 for a variable dimension.</summary>
public sealed record TritonModelConfig(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("version_policy")] TritonVersionPolicy VersionPolicy,
    [property: JsonPropertyName("max_batch_size")] int MaxBatchSize,
    [property: JsonPropertyName("input")] TritonTensorConfig[] Input,
    [property: JsonPropertyName("output")] TritonTensorConfig[] Output);

public sealed record TritonVersionPolicy([property: JsonPropertyName("specific")] TritonSpecificVersions Specific);

public sealed record TritonSpecificVersions([property: JsonPropertyName("versions")] long[] Versions);

public sealed record TritonTensorConfig(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("data_type")] string DataType,
    [property: JsonPropertyName("dims")] long[] Dims);

/// <summary>A request to <c>POST /v2/repository/index</c>; the body may be empty.</summary>
public sealed record TritonIndexRequest([property: JsonPropertyName("ready")] bool Ready = false);

/// <param name="Version">Set for a loaded version; absent for a model that is not loaded (its versions are not listed).</param>
public sealed record TritonIndexEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("reason")] string Reason);

public sealed record TritonStatisticsResponse([property: JsonPropertyName("model_stats")] TritonModelStatistics[] ModelStats);

public sealed record TritonModelStatistics(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("last_inference")] long LastInference,
    [property: JsonPropertyName("inference_count")] long InferenceCount,
    [property: JsonPropertyName("execution_count")] long ExecutionCount,
    [property: JsonPropertyName("inference_stats")] TritonInferenceStatistics InferenceStats,
    [property: JsonPropertyName("batch_stats")] TritonDuration[] BatchStats);

public sealed record TritonInferenceStatistics(
    [property: JsonPropertyName("success")] TritonDuration Success,
    [property: JsonPropertyName("fail")] TritonDuration Fail,
    [property: JsonPropertyName("queue")] TritonDuration Queue,
    [property: JsonPropertyName("compute_input")] TritonDuration ComputeInput,
    [property: JsonPropertyName("compute_infer")] TritonDuration ComputeInfer,
    [property: JsonPropertyName("compute_output")] TritonDuration ComputeOutput,
    [property: JsonPropertyName("cache_hit")] TritonDuration CacheHit);

/// <summary>A count and the total time of what it counts, in nanoseconds.</summary>
public sealed record TritonDuration([property: JsonPropertyName("count")] long Count, [property: JsonPropertyName("ns")] long Ns)
{
    public static readonly TritonDuration None = new(0, 0);

    public static TritonDuration Of(long count, TimeSpan total) => new(count, total.Ticks * TimeSpan.NanosecondsPerTick);
}
