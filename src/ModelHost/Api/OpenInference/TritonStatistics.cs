using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>
/// Triton's statistics extension from <see cref="ModelStatistics"/>. What the host measures: successful requests (count,
/// total time, time in ONNX Runtime as <c>compute_infer</c>, the last one's time), failed requests of a model that
/// exists (count, total time). Answers from the response cache as <c>cache_hit</c> (count, total time), counted in success and
/// inference_count but not in execution_count or compute_infer, as Triton counts them. What it does not: queue,
/// compute_input and compute_output are zero, batch_stats
/// is empty, and inference_count is the number of requests, not of rows in them (the host does not batch requests).
/// </summary>
internal static class TritonStatistics
{
    /// <summary>Every version that has had a request or is loaded now.</summary>
    public static Ok<TritonStatisticsResponse> All(ModelStatistics statistics, ModelCache cache) =>
        Respond(statistics, statistics.Counted.Union(cache.Snapshot().Models.Select(model => model.Ref)));

    /// <summary>Every stored version of one model, or the one version asked for; unknown ones are a 404.</summary>
    public static async Task<Ok<TritonStatisticsResponse>> OfModelAsync(
        string name, string? version, ModelStatistics statistics, VersionResolver versions, CancellationToken cancellationToken)
    {
        ModelIds.Validate(name);
        var pinned = ModelIds.ParseVersion(version);
        var stored = await versions.ListAsync(name, cancellationToken);
        if (stored.Count == 0)
        {
            throw new ModelNotFoundException($"Model '{name}' does not exist.");
        }

        if (pinned is { } asked && !stored.Contains(asked))
        {
            throw new ModelNotFoundException($"Model '{name}' has no version {asked}; its versions are {string.Join(", ", stored)}.");
        }

        return Respond(statistics, pinned is { } one ? [new ModelRef(name, one)] : stored.Select(v => new ModelRef(name, v)));
    }

    private static Ok<TritonStatisticsResponse> Respond(ModelStatistics statistics, IEnumerable<ModelRef> models) =>
        TypedResults.Ok(new TritonStatisticsResponse(models
            .OrderBy(model => model.Id, StringComparer.Ordinal).ThenBy(model => model.Version)
            .Select(model => Of(model, statistics.Of(model)))
            .ToArray()));

    private static TritonModelStatistics Of(ModelRef model, ModelCounts counts) => new(
        model.Id,
        model.Version.ToString(CultureInfo.InvariantCulture),
        counts.LastInferenceMilliseconds,
        counts.Successes,
        counts.Executions,
        new TritonInferenceStatistics(
            TritonDuration.Of(counts.Successes, counts.SuccessTime),
            TritonDuration.Of(counts.Failures, counts.FailureTime),
            TritonDuration.None,
            TritonDuration.None,
            TritonDuration.Of(counts.Executions, counts.Inference),
            TritonDuration.None,
            TritonDuration.Of(counts.CacheHits, counts.CacheHitTime)),
        []);
}
