using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Loaded models, bounded in bytes and evicted least recently used first.
/// <para>
/// Built on <see cref="MemoryCache"/> with a size limit, around its two traps: an insert over the limit is dropped
/// (compaction only runs later), so room is made first, under a lock; and eviction callbacks run later on the thread
/// pool, so the cache evicts by itself and releases an evicted session at once. A session is disposed when the last
/// request holding it finishes.
/// </para>
/// <para>
/// The books alone do not bound the process: memory outside them (the runtime, requests in flight, the allocator)
/// moves too. So before each session is created the real figure is checked as well: when resident memory plus the
/// new model would pass the process's base plus the budget, more models are evicted first (see MakeRoom).
/// </para>
/// </summary>
public sealed partial class ModelCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly ModelLoader _loader;
    private readonly IModelStore _store;
    private readonly ModelCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelCache> _logger;
    private readonly CacheMetrics _metrics;
    private readonly SemaphoreSlim _loadSlots;
    // One session is created and admitted at a time: what memory grows by while it is created belongs to that model
    // alone, and the next load's check of resident memory sees it in the cache, where it can be evicted. Fetches, the
    // slow part of a cold load, still run side by side.
    private readonly SemaphoreSlim _creation = new(1);
    private readonly Lock _admission = new();
    private readonly ConcurrentDictionary<ModelRef, Lazy<PendingLoad>> _loading = new();
    private readonly ConcurrentDictionary<ModelRef, FailedLoad> _failures = new();
    // What is loaded, for eviction order and GET /models: reading values back from MemoryCache would touch its clock.
    private readonly ConcurrentDictionary<ModelRef, LoadedModel> _resident = new();
    private long _hits, _misses, _loads, _failedLoads, _evictions;

    public ModelCache(IModelStore store, OnnxRuntimeStartup onnxRuntime, IOptions<ModelCacheOptions> options, CacheBudget budget, TimeProvider time, CacheMetrics metrics, ConfidenceMonitors monitors, ILogger<ModelCache> logger)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Budget = budget;
        // The base the budget sits on: the host with ONNX Runtime started and warmed up, before any model.
        BaseResidentBytes = onnxRuntime.SessionOptions.ContinueWith(static _ => ProcessMemory.ResidentBytes(), TaskScheduler.Default);
        _loader = new ModelLoader(store, onnxRuntime.SessionOptions, _options, budget, time, monitors);
        _loadSlots = new SemaphoreSlim(_options.MaxConcurrentLoads);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = budget.Bytes, TrackStatistics = true });
        _metrics = metrics;
        metrics.Observe(this);
        metrics.Observe(monitors, () => _resident.Values.Select(static model => model.Confidence).OfType<ConfidenceMonitor>());
    }

    public CacheBudget Budget { get; }

    public long BudgetBytes => Budget.Bytes;

    public long UsedBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Loads under way, reloads of changed models included.</summary>
    public int LoadsInFlight => _loading.Count;

    /// <summary>Resident memory of the process once ONNX Runtime had started, before any model: the base the budget sits on.</summary>
    public Task<long> BaseResidentBytes { get; }

    /// <summary>
    /// A lease on the model, loading it on a miss. Concurrent misses for one model share a single load; the load keeps
    /// going for the others if this caller gives up.
    /// </summary>
    public ValueTask<ModelLease> AcquireAsync(ModelRef model, CancellationToken cancellationToken) =>
        AcquireAsync(model, countHit: true, cancellationToken);

    /// <summary>
    /// Takes a model again for a request that let go of it while it waited for something else (a prediction slot), so
    /// that waiting did not keep an evicted model in memory. Usually a hit, not counted twice; what the first lease
    /// saw (a miss, a load) carries over.
    /// </summary>
    public async ValueTask<ModelLease> AcquireAgainAsync(ModelLease released, CancellationToken cancellationToken) =>
        (await AcquireAsync(released.Ref, countHit: false, cancellationToken)).After(released);

    private async ValueTask<ModelLease> AcquireAsync(ModelRef model, bool countHit, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquireLoaded(model, countHit) is { } hit)
            {
                return hit;
            }

            // Counted at once, so GET /models shows the requests waiting on a load while they wait.
            Interlocked.Increment(ref _misses);
            var started = _time.GetTimestamp();
            LoadedModel loaded;
            try
            {
                ThrowIfRecentlyFailed(model);
                var pending = JoinOrStartLoad(model, replacing: null);
                await WaitForTheStoreAsync(model, pending, cancellationToken);
                loaded = await pending.Loaded.WaitAsync(cancellationToken);
            }
            catch (ModelNotFoundException)
            {
                // A version the store does not have was never a cache lookup, just as an unknown id is not (that one
                // fails in VersionResolver before the cache is asked): both 404s count the same, nowhere.
                Interlocked.Decrement(ref _misses);
                throw;
            }
            catch (Exception failure)
            {
                _metrics.Miss(model, failure);
                throw;
            }

            _metrics.Miss(model, failure: null);

            if (loaded.TryAddReference())
            {
                // The loading request is the model's miss, not its first hit.
                loaded.RecordUse(_time.GetUtcNow(), countHit: false);
                return new ModelLease(loaded, cacheHit: false, _time.GetElapsedTime(started));
            }

            // Evicted and disposed between admission and this request (only under heavy churn): look again.
        }
    }

    /// <summary>A lease on the model if it is loaded now (a hit), without waiting for anything; null otherwise.</summary>
    public ModelLease? TryAcquireLoaded(ModelRef model) => TryAcquireLoaded(model, countHit: true);

    /// <param name="countHit">False for a use that is not traffic (a warm-up request): the model is marked used, nothing counted.</param>
    public ModelLease? TryAcquireLoaded(ModelRef model, bool countHit)
    {
        if (!_cache.TryGetValue(model, out LoadedModel? cached) || !cached!.TryAddReference())
        {
            return null;
        }

        var lease = new ModelLease(cached, cacheHit: true, TimeSpan.Zero);
        try
        {
            if (countHit)
            {
                Interlocked.Increment(ref _hits);
                _metrics.Hit(cached);
            }

            cached.RecordUse(_time.GetUtcNow(), countHit);
            RevalidateIfDue(cached);
            return lease;
        }
        catch
        {
            lease.Dispose(); // the reference just taken, or the model could never be freed
            throw;
        }
    }

    public CacheSnapshot Snapshot() => new(
        Budget,
        UsedBytes,
        _resident.Values.OrderByDescending(model => model.LastUsed).ToArray(),
        ProcessMemory.ResidentBytes(),
        BaseResidentBytes.IsCompletedSuccessfully ? BaseResidentBytes.Result : null,
        ProcessMemory.NativeAllocatedBytes(),
        GC.GetGCMemoryInfo().HeapSizeBytes,
        Interlocked.Read(ref _loadsOverLimit),
        Interlocked.Read(ref _hits),
        Interlocked.Read(ref _misses),
        Interlocked.Read(ref _loads),
        Interlocked.Read(ref _failedLoads),
        Interlocked.Read(ref _evictions));

    /// <summary>Releases every cached model (a session still running a request is disposed when that ends).</summary>
    public void Dispose()
    {
        lock (_admission)
        {
            foreach (var model in _resident.Values)
            {
                Remove(model);
            }
        }

        _cache.Dispose();
        _loadSlots.Dispose();
        _creation.Dispose();
    }

    /// <summary>
    /// The one load of a model under way, started if there is none. Task.Run: a load can run synchronously for a long
    /// time (session creation) and must not do so inside the Lazy, where every concurrent caller would block a thread.
    /// </summary>
    private PendingLoad JoinOrStartLoad(ModelRef model, LoadedModel? replacing) => _loading.GetOrAdd(
        model,
        static (key, state) => new Lazy<PendingLoad>(() =>
            new PendingLoad(pending => Task.Run(() => state.Cache.LoadAndAdmitAsync(key, state.Replacing, pending)))),
        (Cache: this, Replacing: replacing)).Value;

    /// <summary>
    /// A request waits for the store at most <see cref="ModelCacheOptions.MaxStoreWait"/>: a store that does not
    /// answer (a frozen gateway, a network blackhole) must not hold requests until API Gateway gives up on them. The
    /// load goes on, and a retry finds the model loaded or the failure remembered. Creating the session once the
    /// store has delivered is not counted.
    /// </summary>
    private async Task WaitForTheStoreAsync(ModelRef model, PendingLoad pending, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(pending.Fetched.Task, pending.Loaded).WaitAsync(_options.MaxStoreWait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ModelStoreUnavailableException(
                $"The model store has not delivered {model} within {_options.MaxStoreWait.TotalSeconds:0.#} s; the download goes on, " +
                "and a retry may find the model loaded.",
                _options.StoreWaitRetryAfter);
        }
    }

    private async Task<LoadedModel> LoadAndAdmitAsync(ModelRef model, LoadedModel? replacing, PendingLoad pending)
    {
        try
        {
            // A request may have missed just before a previous load of this model was admitted.
            if (replacing is null && _cache.TryGetValue(model, out LoadedModel? cached) && !cached!.IsDisposed)
            {
                return cached;
            }

            await _loadSlots.WaitAsync();
            LoadedModel loaded;
            var started = _time.GetTimestamp();
            try
            {
                var artifact = await _loader.FetchAsync(model, CancellationToken.None);
                pending.Fetched.TrySetResult();
                if (artifact.Download is { } download)
                {
                    _metrics.Downloaded(model, download);
                }

                await _creation.WaitAsync();
                try
                {
                    loaded = await _loader.CreateAsync(model, artifact, needed => MakeRoomAsync(model, needed, replacing));
                    Admit(loaded, replacing);
                }
                finally
                {
                    _creation.Release();
                }
            }
            finally
            {
                _loadSlots.Release();
            }

            Interlocked.Increment(ref _loads);
            _metrics.Loaded(loaded, _time.GetElapsedTime(started));
            _failures.TryRemove(model, out _);
            LogLoaded(model, loaded.FileBytes, loaded.ChargeBytes, _time.GetElapsedTime(started).TotalMilliseconds, ProcessMemory.ResidentBytes());
            return loaded;
        }
        catch (Exception exception) when (IsRemembered(exception))
        {
            Interlocked.Increment(ref _failedLoads);
            _metrics.LoadFailed(model, exception);
            _failures[model] = new FailedLoad(exception, _time.GetUtcNow() + _options.FailedLoadRetryAfter);
            LogLoadFailed(exception, model, exception.GetType().Name);
            throw;
        }
        finally
        {
            // This runs inside the one pending load for the key, so whatever is registered under it is this load.
            _loading.TryRemove(model, out _);
        }
    }

    private void Admit(LoadedModel loaded, LoadedModel? replacing)
    {
        lock (_admission)
        {
            MakeRoomInBooks(loaded.ChargeBytes, replacing);
            var entry = new MemoryCacheEntryOptions { Size = loaded.ChargeBytes }
                .RegisterPostEvictionCallback(static (_, value, reason, state) => ((ModelCache)state!).OnEvicted((LoadedModel)value!, reason), this);
            var replaced = IsCurrent(replacing) ? replacing : null;
            _resident[loaded.Ref] = loaded;
            _cache.Set(loaded.Ref, loaded, entry);
            _metrics.Admitted(loaded);
            if (replaced is not null)
            {
                _metrics.Released(replaced);
                replaced.ReleaseFromCache();
            }
        }
    }

    private void ThrowIfRecentlyFailed(ModelRef model)
    {
        if (_failures.TryGetValue(model, out var failure))
        {
            if (_time.GetUtcNow() < failure.RetryAt)
            {
                throw failure.Error;
            }

            _failures.TryRemove(KeyValuePair.Create(model, failure));
        }
    }

    // A missing model is not remembered: uploading it must make it servable on the next request.
    private static bool IsRemembered(Exception exception) => exception is not ModelNotFoundException;
}
