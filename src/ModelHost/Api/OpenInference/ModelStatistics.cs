using System.Collections.Concurrent;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>
/// Prediction counts and times per model version since the host started, for Triton's statistics extension
/// (<c>GET /v2/models/stats</c>). The meter's histograms say the same to a metrics backend but cannot be read back;
/// these can. Only requests that held their model are counted, as the metrics' model tags are.
/// </summary>
public sealed class ModelStatistics(TimeProvider time)
{
    private readonly ConcurrentDictionary<ModelRef, Counters> _models = new();

    public void Succeeded(ModelRef model, TimeSpan total, TimeSpan inference)
    {
        var counters = _models.GetOrAdd(model, static _ => new Counters());
        Interlocked.Increment(ref counters.Successes);
        Interlocked.Add(ref counters.SuccessTicks, total.Ticks);
        Interlocked.Add(ref counters.InferenceTicks, inference.Ticks);
        Interlocked.Exchange(ref counters.LastInferenceMilliseconds, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>A success answered from the response cache: Triton counts it as a success and a cache hit, not as an execution.</summary>
    public void AnsweredFromCache(ModelRef model, TimeSpan total)
    {
        var counters = _models.GetOrAdd(model, static _ => new Counters());
        Interlocked.Increment(ref counters.Successes);
        Interlocked.Add(ref counters.SuccessTicks, total.Ticks);
        Interlocked.Increment(ref counters.CacheHits);
        Interlocked.Add(ref counters.CacheHitTicks, total.Ticks);
        Interlocked.Exchange(ref counters.LastInferenceMilliseconds, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public void Failed(ModelRef model, TimeSpan total)
    {
        var counters = _models.GetOrAdd(model, static _ => new Counters());
        Interlocked.Increment(ref counters.Failures);
        Interlocked.Add(ref counters.FailureTicks, total.Ticks);
    }

    /// <summary>The counts of one version; all zero when it has had no request.</summary>
    public ModelCounts Of(ModelRef model) => _models.TryGetValue(model, out var counters)
        ? new ModelCounts(
            Interlocked.Read(ref counters.Successes), TimeSpan.FromTicks(Interlocked.Read(ref counters.SuccessTicks)),
            Interlocked.Read(ref counters.Failures), TimeSpan.FromTicks(Interlocked.Read(ref counters.FailureTicks)),
            TimeSpan.FromTicks(Interlocked.Read(ref counters.InferenceTicks)), Interlocked.Read(ref counters.LastInferenceMilliseconds),
            Interlocked.Read(ref counters.CacheHits), TimeSpan.FromTicks(Interlocked.Read(ref counters.CacheHitTicks)))
        : default;

    /// <summary>Every version that has had a request.</summary>
    public IEnumerable<ModelRef> Counted => _models.Keys;

    private sealed class Counters
    {
        public long Successes;
        public long SuccessTicks;
        public long Failures;
        public long FailureTicks;
        public long InferenceTicks;
        public long LastInferenceMilliseconds;
        public long CacheHits;
        public long CacheHitTicks;
    }
}
