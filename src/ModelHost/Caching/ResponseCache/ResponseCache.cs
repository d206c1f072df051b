using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>
/// 200 answers of the models it is enabled for, stored by <see cref="ResponseKey"/> (the exact version and ETag that
/// served, and the hash of the request as the model saw it), bounded in bytes, least recently used out first, each for
/// <see cref="ResponseCacheOptions.TimeToLive"/>.
/// <para>
/// An entry lives no longer than the loaded model that answered it: it expires when the model cache lets that model go
/// (evicted, or replaced because its object changed), so an overwritten object's answers are gone with it, and the key
/// keeps one version's answers from any request served by another.
/// </para>
/// <para>
/// Built on <see cref="MemoryCache"/> with a size limit. An insert over the limit would be dropped there (its compaction
/// runs later), so room is made first, least recently used entries out, and what is left over the limit is dropped.
/// </para>
/// </summary>
public sealed class ResponseCache : IDisposable
{
    private const int MaxCompactions = 4;

    private readonly ResponseCacheOptions _options;
    private readonly MemoryCache _entries;
    private readonly TimeProvider _time;
    private readonly ResponseCacheMetrics _metrics;
    private readonly RequestHash _hash = new();

    public ResponseCache(IOptions<ResponseCacheOptions> options, TimeProvider time, ResponseCacheMetrics metrics)
    {
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        LimitBytes = _options.Enabled ? _options.MaxBytes : 0;
        _entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(LimitBytes, 1),
            TrackStatistics = true,
            Clock = new Clock(time),
            CompactionPercentage = 0.1,
        });
        metrics.Observe(this);
    }

    /// <summary>Bytes it may hold: <see cref="ResponseCacheOptions.MaxMegabytes"/> when a model is enabled, else none.</summary>
    public long LimitBytes { get; }

    public long UsedBytes => _entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public long Entries => _entries.Count;

    public bool IsEnabled(string modelId) => _options.IsEnabled(modelId);

    /// <summary>The answer's largest size stored; a larger one is not kept.</summary>
    public int MaxEntryBytes => _options.MaxEntryBytes;

    /// <param name="shaping">What shapes the response besides the tensors: the format, the outputs asked for, what it echoes.</param>
    internal ResponseKey KeyOf(LoadedModel model, IReadOnlyList<string?> shaping, ModelInputs inputs) =>
        new(model.Ref, model.ETag, _hash.Of(shaping, inputs));

    /// <summary>The stored answer, counted as the model's hit; or null, counted as its miss.</summary>
    internal CachedResponse? TryGet(LoadedModel model, ResponseKey key)
    {
        if (_entries.TryGetValue(key, out CachedResponse? answer) && answer is not null)
        {
            _metrics.Hit(model);
            return answer;
        }

        _metrics.Miss(model);
        return null;
    }

    /// <summary>Stores a 200 answer of <paramref name="model"/>, which the request still holds a lease on.</summary>
    internal void Store(LoadedModel model, ResponseKey key, ReadOnlySpan<byte> body, string contentType, string? inferenceHeaderLength)
    {
        var answer = new CachedResponse(body.ToArray(), contentType, inferenceHeaderLength, _time.GetUtcNow());
        MakeRoom(answer.Size);
        using var entry = _entries.CreateEntry(key);
        entry.Value = answer;
        entry.Size = answer.Size;
        entry.AbsoluteExpirationRelativeToNow = _options.TimeToLive;
        entry.AddExpirationToken(model.LeftCache); // already left (the request held a lease on an evicted model): not stored
    }

    /// <summary>How old a stored answer is, in whole seconds, as HTTP's <c>Age</c> counts it.</summary>
    internal long AgeSeconds(CachedResponse answer) => Math.Max(0, (long)(_time.GetUtcNow() - answer.StoredAt).TotalSeconds);

    public void Dispose() => _entries.Dispose();

    private void MakeRoom(long size)
    {
        for (var round = 0; round < MaxCompactions && _entries.Count > 0 && UsedBytes + size > LimitBytes; round++)
        {
            _entries.Compact(0.1); // expired entries first, then the least recently used tenth
        }
    }

    /// <summary>The host's clock, so tests can move time (MemoryCache reads expiry from its own clock type).</summary>
    private sealed class Clock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
