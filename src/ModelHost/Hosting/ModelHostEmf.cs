using MultiModel.ModelHost.Caching;
using MultiModel.ServiceDefaults.Emf;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// The ModelHost's CloudWatch metric contract (docs/observability.md; the CDK dashboard and alarms read these names):
/// per-model documents dimensioned by <c>ModelId</c>, which the instruments carry only for models the store has shown
/// to exist (<see cref="ModelTags"/>), with the version as a plain member; process documents for the gauges, for what
/// names no model (an unknown id's 404) and for capture drops.
/// </summary>
public static class ModelHostEmf
{
    public const string ModelIdDimension = "ModelId";
    public const string VersionProperty = "ModelVersion";

    /// <summary>A model's rollout candidate apart, whatever its version: what the stack's candidate alarms watch.</summary>
    public const string CandidatePredictions = "CandidatePredictions";
    public const string CandidateServerErrors = "CandidateServerErrors";
    public const string CandidateDuration = "CandidateDuration";

    public static EmfContract Contract() => new EmfContract(CacheMetrics.MeterName, ModelTags.Id, ModelIdDimension)
        .Property(ModelTags.Version, VersionProperty)
        .Map("multimodel.prediction.duration",
            EmfMetric.CountOccurrences("Predictions"),
            EmfMetric.CountOccurrences("ClientErrors", statusClass: 4),
            EmfMetric.CountOccurrences("ServerErrors", statusClass: 5),
            EmfMetric.Milliseconds("PredictionDuration"))
        .Map("multimodel.prediction.inference.duration", EmfMetric.Milliseconds("InferenceDuration"))
        .Map("multimodel.rollout.candidate.duration",
            EmfMetric.CountOccurrences(CandidatePredictions),
            EmfMetric.CountOccurrences(CandidateServerErrors, statusClass: 5),
            EmfMetric.Milliseconds(CandidateDuration))
        .Map("multimodel.rollout.candidate.taken_out", EmfMetric.Count("CandidatesTakenOut"))
        .Map("multimodel.shadow.duration", EmfMetric.CountOccurrences("ShadowRuns"), EmfMetric.Milliseconds("ShadowDuration"))
        .Map("multimodel.shadow.max_abs_difference", EmfMetric.Distribution("ShadowMaxAbsDifference", EmfUnit.None))
        .Map("multimodel.cache.hits", EmfMetric.Count("CacheHits"))
        .Map("multimodel.cache.misses", EmfMetric.Count("CacheMisses"))
        .Map("multimodel.model.loads", EmfMetric.Count("ModelLoads"))
        .Map("multimodel.model.failed_loads", EmfMetric.Count("FailedLoads"))
        .Map("multimodel.model.evictions", EmfMetric.Count("Evictions"))
        .Map("multimodel.model.load.duration", EmfMetric.Milliseconds("LoadDuration"))
        .Map("multimodel.model.download.size", EmfMetric.Distribution("DownloadBytes", EmfUnit.Bytes))
        .Map("multimodel.model.download.duration", EmfMetric.Milliseconds("DownloadDuration"))
        .Map("multimodel.model.confidence.drift", EmfMetric.Gauge("ConfidenceDrift", EmfUnit.None))
        .Map("multimodel.process.memory.resident", EmfMetric.Gauge("ResidentMemory", EmfUnit.Bytes))
        .Map("multimodel.cache.memory.usage", EmfMetric.Gauge("CacheMemoryUsage", EmfUnit.Bytes))
        .Map("multimodel.cache.memory.limit", EmfMetric.Gauge("CacheMemoryLimit", EmfUnit.Bytes))
        .Map("multimodel.cache.active_loads", EmfMetric.Gauge("ActiveLoads", EmfUnit.Count))
        .Map("multimodel.capture.dropped", EmfMetric.Count("CaptureDropped") with { ProcessWide = true });
}
