using System.Diagnostics;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// How one prediction request ended, as everything that records it reads it: the log line, the metrics and statistics,
/// and for an answered one its model's drift monitor and its capture record.
/// </summary>
/// <param name="Choice">The version chosen and why (a default one when the request failed before a version was chosen).</param>
/// <param name="HeldModel">The model the request held; null when it failed before holding one (then no model tags).</param>
/// <param name="ListedModelId">For a request that held no model, its id when the store has listed that model (an unknown version of a known model); null otherwise.</param>
/// <param name="Prediction">The run's outputs on success, still alive (drift and capture read them); null otherwise.</param>
/// <param name="RunTime">How long the model ran, when it did (also when it failed on the input).</param>
/// <param name="Warmup">Made up by Lambda's init-phase warm-up: not traffic, so recorded nowhere.</param>
internal readonly record struct PredictionOutcome(
    int Status, string ModelId, int? Version, VersionChoice Choice, ModelRef? HeldModel, string? ListedModelId, bool CacheHit, TimeSpan LoadTime, TimeSpan? RunTime,
    TimeSpan Total, Prediction? Prediction, LoadedModel? Model, CapturedPrediction? Captured, ResponseCacheResult ResponseCache, bool Warmup)
{
    /// <summary>Answered from the response cache: a 200 whose model was not run.</summary>
    public bool FromResponseCache => ResponseCache == ResponseCacheResult.Hit;

    /// <summary>The log line's cache result: none when the request never reached its model.</summary>
    public string CacheResult => HeldModel is null ? "none" : CacheHit ? "hit" : "miss";

    /// <summary>An answered prediction, while its scope still holds its outputs and its model.</summary>
    public static PredictionOutcome Answered(PredictionScope scope) =>
        Of(scope, StatusCodes.Status200OK, scope.Prediction, scope.Lease?.Model, scope.Captured);

    /// <summary>A failed one; it reads nothing the scope held but what the scope keeps after it has given everything back.</summary>
    public static PredictionOutcome Failed(PredictionScope scope, int status) => Of(scope, status, null, null, null);

    private static PredictionOutcome Of(PredictionScope scope, int status, Prediction? prediction, LoadedModel? model, CapturedPrediction? captured) => new(
        status, scope.ModelId, scope.Version, scope.Choice, scope.HeldModel, scope.ListedModelId, scope.CacheHit, scope.LoadTime, scope.RunTime,
        Stopwatch.GetElapsedTime(scope.StartedTimestamp), prediction, model, captured, scope.ResponseCacheResult, scope.IsWarmup);
}
