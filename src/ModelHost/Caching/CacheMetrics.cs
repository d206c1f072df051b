using System.Diagnostics;
using System.Diagnostics.Metrics;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// What the cache does, per model and version, on the host's one meter (names and units as OpenTelemetry's conventions
/// have them: dotted lowercase, seconds, bytes). The counters of <c>GET /models</c> and these count the same events.
/// Adding to an instrument nobody listens to costs a branch, so metrics switched off cost nothing worth measuring.
/// </summary>
public sealed class CacheMetrics
{
    /// <summary>The ModelHost's meter; the Api's instruments are on the same one (IMeterFactory hands out one per name).</summary>
    public const string MeterName = "MultiModel.ModelHost";

    // Loads take from tens of milliseconds (a small model on disk) to minutes (a large one from S3).
    private static readonly double[] LoadSeconds = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    // From a small model (a few hundred KB) to Lambda's largest ephemeral storage (10 GB).
    private static readonly long[] DownloadBytes = [100_000, 1_000_000, 10_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000, 1_000_000_000, 2_500_000_000, 5_000_000_000, 10_000_000_000];

    private readonly Meter _meter;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _loads;
    private readonly Counter<long> _failedLoads;
    private readonly Counter<long> _evictions;
    private readonly Histogram<double> _loadDuration;
    private readonly Histogram<long> _downloadSize;
    private readonly Histogram<double> _downloadDuration;
    private readonly UpDownCounter<long> _charged;

    public CacheMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _hits = _meter.CreateCounter<long>("multimodel.cache.hits", "{request}", "Requests that found their model loaded.");
        _misses = _meter.CreateCounter<long>("multimodel.cache.misses", "{request}", "Requests that waited for their model's load.");
        _loads = _meter.CreateCounter<long>("multimodel.model.loads", "{load}", "Models loaded into the cache.");
        _failedLoads = _meter.CreateCounter<long>("multimodel.model.failed_loads", "{load}", "Loads that failed (a missing model is not one).");
        _evictions = _meter.CreateCounter<long>("multimodel.model.evictions", "{eviction}", "Models evicted to make room.");
        _loadDuration = _meter.CreateHistogram("multimodel.model.load.duration", "s", "Time from the start of a load to the model's admission.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LoadSeconds });
        _downloadSize = _meter.CreateHistogram<long>("multimodel.model.download.size", "By", "Bytes a load fetched from the model store.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = DownloadBytes });
        _downloadDuration = _meter.CreateHistogram("multimodel.model.download.duration", "s",
            "Time the model store took to deliver a model's files (part of the load's duration).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LoadSeconds });
        // Up and down rather than a gauge of what is loaded: an evicted model then reads 0, not its last charge.
        _charged = _meter.CreateUpDownCounter<long>("multimodel.model.memory.charged", "By", "What each loaded model is charged against the budget.");
    }

    internal void Hit(LoadedModel model) => _hits.Add(1, model.Tags);

    /// <summary>A miss names its model only once the load showed that the store has it.</summary>
    internal void Miss(ModelRef model, Exception? failure)
    {
        if (!_misses.Enabled)
        {
            return; // nothing listens: the tags are not worth building
        }

        _misses.Add(1, ModelTags.For(model, failure));
    }

    internal void Loaded(LoadedModel model, TimeSpan duration)
    {
        _loads.Add(1, model.Tags);
        _loadDuration.Record(duration.TotalSeconds, model.Tags);
    }

    /// <summary>What the store transferred for a load: the store delivered the model, so it is named.</summary>
    internal void Downloaded(ModelRef model, ModelDownload download)
    {
        if (!_downloadSize.Enabled && !_downloadDuration.Enabled)
        {
            return;
        }

        var tags = ModelTags.For(model);
        _downloadSize.Record(download.Bytes, tags);
        _downloadDuration.Record(download.Elapsed.TotalSeconds, tags);
    }

    internal void LoadFailed(ModelRef model, Exception failure) => _failedLoads.Add(1, ModelTags.For(model, failure));

    /// <summary>The model entered the cache's books.</summary>
    internal void Admitted(LoadedModel model) => _charged.Add(model.ChargeBytes, model.Tags);

    /// <summary>The model left the cache's books: evicted, replaced by a changed version, removed.</summary>
    internal void Released(LoadedModel model) => _charged.Add(-model.ChargeBytes, model.Tags);

    internal void Evicted(LoadedModel model, string cause)
    {
        var tags = ModelTags.For(model.Ref); // a copy: the model's own tags are shared
        tags.Add("multimodel.eviction.cause", cause);
        _evictions.Add(1, tags);
    }

    /// <summary>Gauges read when metrics are collected: the cache's books, the process's memory, loads under way.</summary>
    internal void Observe(ModelCache cache)
    {
        _meter.CreateObservableGauge("multimodel.cache.memory.limit", () => cache.BudgetBytes, "By", "The cache's budget.");
        _meter.CreateObservableGauge("multimodel.cache.memory.usage", () => cache.UsedBytes, "By", "Bytes the loaded models are charged.");
        _meter.CreateObservableGauge("multimodel.process.memory.resident", ProcessMemory.ResidentBytes, "By", "The process's resident memory.");
        _meter.CreateObservableUpDownCounter("multimodel.cache.active_loads", () => cache.LoadsInFlight, "{load}", "Loads under way.");
    }

    /// <summary>The loaded models' confidence drift, on the same meter.</summary>
    internal void Observe(ConfidenceMonitors monitors, Func<IEnumerable<ConfidenceMonitor>> loaded) => monitors.Observe(_meter, loaded);
}
