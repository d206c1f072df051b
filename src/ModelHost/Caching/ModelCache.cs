using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Loaded models, bounded in bytes and evicted least recently used first.
/// <para>
/// Built on <see cref="MemoryCache"/> with a size limit, around its two traps: an insert over the limit is dropped
/// (compaction only runs later), so room is made first, under a lock, by compacting one least-recently-used entry at a
/// time; and eviction callbacks run later on the thread pool, so an evicted session is only released there, and
/// disposed when the last request holding it finishes.
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
    private readonly SemaphoreSlim _loadSlots;
    private readonly Lock _admission = new();
    private readonly ConcurrentDictionary<ModelRef, Lazy<Task<LoadedModel>>> _loading = new();
    private readonly ConcurrentDictionary<ModelRef, FailedLoad> _failures = new();
    // What is loaded, for GET /models: reading values back from MemoryCache would touch their LRU clock.
    private readonly ConcurrentDictionary<ModelRef, LoadedModel> _resident = new();
    private long _hits, _misses, _loads, _failedLoads, _evictions;

    internal ModelCache(ModelLoader loader, IModelStore store, ModelCacheOptions options, long budgetBytes, TimeProvider time, ILogger<ModelCache> logger)
    {
        _loader = loader;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        BudgetBytes = budgetBytes;
        _loadSlots = new SemaphoreSlim(options.MaxConcurrentLoads);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = budgetBytes, TrackStatistics = true });
    }

    public long BudgetBytes { get; }

    public long UsedBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>
    /// A lease on the model, loading it on a miss. Concurrent misses for one model share a single load; the load keeps
    /// going for the others if this caller gives up.
    /// </summary>
    public async ValueTask<ModelLease> AcquireAsync(ModelRef model, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_cache.TryGetValue(model, out LoadedModel? cached) && cached!.TryAddReference())
            {
                Interlocked.Increment(ref _hits);
                cached.RecordUse(_time.GetUtcNow());
                RevalidateIfDue(cached);
                return new ModelLease(cached, cacheHit: true, TimeSpan.Zero);
            }

            Interlocked.Increment(ref _misses);
            ThrowIfRecentlyFailed(model);
            var started = _time.GetTimestamp();
            var loaded = await JoinOrStartLoad(model, replacing: null).WaitAsync(cancellationToken);
            if (loaded.TryAddReference())
            {
                loaded.RecordUse(_time.GetUtcNow());
                return new ModelLease(loaded, cacheHit: false, _time.GetElapsedTime(started));
            }

            // Evicted and disposed between admission and this request (only under heavy churn): look again.
        }
    }

    public CacheSnapshot Snapshot() => new(
        BudgetBytes,
        UsedBytes,
        _resident.Values.OrderByDescending(model => model.LastUsed).ToArray(),
        Interlocked.Read(ref _hits),
        Interlocked.Read(ref _misses),
        Interlocked.Read(ref _loads),
        Interlocked.Read(ref _failedLoads),
        Interlocked.Read(ref _evictions));

    public void Dispose()
    {
        _cache.Dispose();
        _loadSlots.Dispose();
    }

    /// <summary>
    /// The one load of a model under way, started if there is none. Task.Run: a load can run synchronously for a long
    /// time (session creation) and must not do so inside the Lazy, where every concurrent caller would block a thread.
    /// </summary>
    private Task<LoadedModel> JoinOrStartLoad(ModelRef model, LoadedModel? replacing) => _loading.GetOrAdd(
        model,
        static (key, state) => new Lazy<Task<LoadedModel>>(() => Task.Run(() => state.Cache.LoadAndAdmitAsync(key, state.Replacing))),
        (Cache: this, Replacing: replacing)).Value;

    private async Task<LoadedModel> LoadAndAdmitAsync(ModelRef model, LoadedModel? replacing)
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
                loaded = await _loader.LoadAsync(model, BudgetBytes, bytes => MakeRoom(bytes, replacing), CancellationToken.None);
            }
            finally
            {
                _loadSlots.Release();
            }

            Interlocked.Increment(ref _loads);
            Admit(loaded, replacing);
            _failures.TryRemove(model, out _);
            LogLoaded(model, loaded.FileBytes, loaded.ChargeBytes, _time.GetElapsedTime(started).TotalMilliseconds);
            return loaded;
        }
        catch (Exception exception) when (IsRemembered(exception))
        {
            Interlocked.Increment(ref _failedLoads);
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
            MakeRoom(loaded.ChargeBytes, replacing);
            var entry = new MemoryCacheEntryOptions { Size = loaded.ChargeBytes }
                .RegisterPostEvictionCallback(static (_, value, reason, state) => ((ModelCache)state!).OnEvicted((LoadedModel)value!, reason), this);
            _resident[loaded.Model] = loaded;
            _cache.Set(loaded.Model, loaded, entry);
        }
    }

    /// <summary>Evicts least recently used models until <paramref name="bytes"/> more fit (the model being replaced counts as free).</summary>
    private void MakeRoom(long bytes, LoadedModel? replacing)
    {
        lock (_admission)
        {
            while (UsedBytes - ReplacedCharge(replacing) + bytes > BudgetBytes && _cache.Count > 0)
            {
                // Compact(fraction) removes that share of entries, least recently used first; 1.5/n rounds down to one.
                _cache.Compact(Math.Min(1.0, 1.5 / _cache.Count));
            }
        }
    }

    private long ReplacedCharge(LoadedModel? replacing) => replacing is not null && IsCurrent(replacing) ? replacing.ChargeBytes : 0;

    /// <summary>Whether this very load is what the cache holds for its model (a reload may have replaced it).</summary>
    private bool IsCurrent(LoadedModel model) => _cache.TryGetValue(model.Model, out LoadedModel? current) && current == model;

    private void OnEvicted(LoadedModel model, EvictionReason reason)
    {
        _resident.TryRemove(KeyValuePair.Create(model.Model, model));
        if (reason is EvictionReason.Capacity)
        {
            Interlocked.Increment(ref _evictions);
        }

        LogEvicted(model.Model, reason, model.ChargeBytes, model.Hits);
        model.ReleaseReference();
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
