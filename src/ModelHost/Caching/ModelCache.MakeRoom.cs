using Microsoft.Extensions.Caching.Memory;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Making room, in the books and in the process. The books: evict least recently used models until the new charge
/// fits the budget. The process: when resident memory plus the new charge would pass the base plus the budget, evict
/// more, wait for evicted sessions still running a request to finish, and hand the freed memory back, until it fits
/// or nothing is left to evict. Either way the load then goes ahead: the books still hold, and what is left over the
/// line is memory no model holds.
/// </summary>
public sealed partial class ModelCache
{
    // An evicted session still serving a request is freed when that request ends; predictions take milliseconds to
    // seconds, and a load waits no longer than this for one.
    private static readonly TimeSpan EvictedSessionWait = TimeSpan.FromSeconds(10);

    // A budget too small for its models' load peaks would log a warning on every load; once a minute says it as well.
    private static readonly TimeSpan OverLimitWarningInterval = TimeSpan.FromMinutes(1);
    private long _loadsOverLimit;
    private long _overLimitWarnedAt = long.MinValue;

    private async Task MakeRoomAsync(ModelRef model, Footprint needed, LoadedModel? replacing)
    {
        MakeRoomInBooks(Math.Min(needed.Bytes, Budget.Bytes), replacing);
        if (!_options.LimitResidentMemory)
        {
            return;
        }

        // Room for the peak of creating the session, not only for what it keeps.
        var bytes = Math.Min(needed.PeakBytes, Budget.Bytes);
        var limit = await BaseResidentBytes + Budget.Bytes;
        var collected = false;
        while (ProcessMemory.ResidentBytes() + bytes > limit)
        {
            if (!collected)
            {
                // Garbage first: downloads and request buffers die young but can sit in the managed heap for a while,
                // and collecting them is cheaper than evicting a model someone will ask for again.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                ProcessMemory.TrimNow();
                collected = true;
                continue;
            }

            if (EvictLeastRecentlyUsed(keep: replacing, EvictionCause.ResidentMemory) is not { } victim)
            {
                WarnOverLimit(model, limit, bytes);
                return;
            }

            await victim.Disposed.WaitAsync(EvictedSessionWait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ProcessMemory.TrimNow();
        }
    }

    private void WarnOverLimit(ModelRef model, long limit, long peakBytes)
    {
        var loads = Interlocked.Increment(ref _loadsOverLimit);
        var now = _time.GetTimestamp();
        var warnedAt = Interlocked.Read(ref _overLimitWarnedAt);
        if ((warnedAt == long.MinValue || _time.GetElapsedTime(warnedAt, now) >= OverLimitWarningInterval)
            && Interlocked.CompareExchange(ref _overLimitWarnedAt, now, warnedAt) == warnedAt)
        {
            LogResidentOverLimit(model, limit, ProcessMemory.ResidentBytes(), peakBytes, loads);
        }
    }

    /// <summary>Evicts least recently used models until <paramref name="bytes"/> more fit (the model being replaced counts as free).</summary>
    private void MakeRoomInBooks(long bytes, LoadedModel? replacing)
    {
        lock (_admission)
        {
            while (UsedBytes - (IsCurrent(replacing) ? replacing!.ChargeBytes : 0) + bytes > Budget.Bytes
                && EvictLeastRecentlyUsed(keep: replacing, EvictionCause.Budget) is not null)
            {
            }
        }
    }

    private LoadedModel? EvictLeastRecentlyUsed(LoadedModel? keep, EvictionCause cause)
    {
        lock (_admission)
        {
            var victim = _resident.Values.Where(model => model != keep).MinBy(model => model.LastUseSequence);
            if (victim is not null)
            {
                Remove(victim);
                Interlocked.Increment(ref _evictions);
                _metrics.Evicted(victim, TagValue(cause));
                LogEvicted(victim.Ref, cause, victim.ChargeBytes, victim.Hits);
            }

            return victim;
        }
    }

    /// <summary>Takes the model out of the cache and drops the cache's reference now, not when MemoryCache's callback runs.</summary>
    private void Remove(LoadedModel model)
    {
        _cache.Remove(model.Ref);
        if (_resident.TryRemove(KeyValuePair.Create(model.Ref, model)))
        {
            _metrics.Released(model);
        }

        model.ReleaseFromCache();
    }

    /// <summary>Whether this very load is what the cache holds for its model (a reload may have replaced it).</summary>
    private bool IsCurrent(LoadedModel? model) => model is not null && _cache.TryGetValue(model.Ref, out LoadedModel? current) && current == model;

    // The cache evicts and replaces by itself; this only catches what MemoryCache might drop on its own.
    private void OnEvicted(LoadedModel model, EvictionReason reason)
    {
        if (_resident.TryRemove(KeyValuePair.Create(model.Ref, model)))
        {
            Interlocked.Increment(ref _evictions);
            _metrics.Released(model);
            _metrics.Evicted(model, TagValue(EvictionCause.Budget));
            LogEvicted(model.Ref, EvictionCause.Budget, model.ChargeBytes, model.Hits);
        }

        model.ReleaseFromCache();
    }

    private static string TagValue(EvictionCause cause) => cause == EvictionCause.Budget ? "budget" : "resident_memory";

    private enum EvictionCause
    {
        /// <summary>The cache's books: the new model's charge would not fit the budget.</summary>
        Budget,

        /// <summary>The process: resident memory plus the new model would pass the base plus the budget.</summary>
        ResidentMemory,
    }
}
