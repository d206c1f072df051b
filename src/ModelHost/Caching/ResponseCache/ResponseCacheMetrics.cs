using System.Diagnostics.Metrics;

namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>
/// The response cache's hits and misses per model and version, and its bytes against its limit, on the host's meter.
/// Only models enabled for it are counted, after their lease was taken, so their ids are tags as <see cref="ModelTags"/> allows.
/// </summary>
public sealed class ResponseCacheMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public ResponseCacheMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(CacheMetrics.MeterName);
        _hits = _meter.CreateCounter<long>("multimodel.response_cache.hits", "{request}", "Predictions answered from the response cache, the model not run.");
        _misses = _meter.CreateCounter<long>("multimodel.response_cache.misses", "{request}", "Predictions of a model with the response cache on that found no stored answer.");
    }

    internal void Hit(LoadedModel model) => _hits.Add(1, model.Tags);

    internal void Miss(LoadedModel model) => _misses.Add(1, model.Tags);

    internal void Observe(ResponseCache cache)
    {
        _meter.CreateObservableGauge("multimodel.response_cache.memory.limit", () => cache.LimitBytes, "By",
            "The response cache's bytes at most: taken out of the process's budget, beside multimodel.cache.memory.limit.");
        _meter.CreateObservableGauge("multimodel.response_cache.memory.usage", () => cache.UsedBytes, "By", "Bytes the stored answers are counted as.");
    }
}
