using Microsoft.Extensions.Primitives;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// A model in memory. Reference counted: the cache holds one reference and every running request one more, so an
/// evicted model is disposed only when the last request using it has finished.
/// </summary>
public sealed class LoadedModel
{
    private readonly OnnxModel _onnx;
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _references = 1;
    private int _releasedByCache;
    private long _hits;
    private readonly UseOrder _useOrder;
    private long _lastUseSequence;
    private long _lastUsedTicks;
    private long _validatedTicks;
    private int _revalidating;
    private readonly CancellationTokenSource _leftCache = new();

    internal LoadedModel(ModelRef model, OnnxModel onnx, ModelArtifact artifact, ModelCharge charge, DateTimeOffset loadedAt, ConfidenceMonitors monitors, UseOrder useOrder)
    {
        _useOrder = useOrder;
        Ref = model;
        Tags = [new(ModelTags.Id, model.Id), new(ModelTags.Version, model.Version)];
        Confidence = monitors.Create(model, Tags, onnx.Labels, artifact.Sidecar);
        _onnx = onnx;
        ETag = artifact.ETag;
        FileBytes = artifact.SizeBytes;
        Charge = charge;
        LoadedAt = loadedAt;
        _lastUsedTicks = loadedAt.UtcTicks;
        _lastUseSequence = _useOrder.Next();
        _validatedTicks = loadedAt.UtcTicks;
    }

    public ModelRef Ref { get; }

    /// <summary>Its metric tags, made once: a hit then records without allocating.</summary>
    internal KeyValuePair<string, object?>[] Tags { get; }
    public ModelSignature Signature => _onnx.Signature;

    /// <summary>Top-label post-processing from the model's sidecar; null when it has none.</summary>
    public LabelPostProcessor? Labels => _onnx.Labels;

    /// <summary>Its top scores against their baseline; null for a model without labels or with drift off.</summary>
    public ConfidenceMonitor? Confidence { get; }

    public string? ETag { get; }

    /// <summary>Bytes in the store: the model file and any external data files beside it.</summary>
    public long FileBytes { get; }

    /// <summary>What the cache counts this model as, and how that figure was arrived at.</summary>
    public ModelCharge Charge { get; }

    public long ChargeBytes => Charge.Bytes;
    public DateTimeOffset LoadedAt { get; }
    public long Hits => Interlocked.Read(ref _hits);
    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);
    public DateTimeOffset ValidatedAt => new(Interlocked.Read(ref _validatedTicks), TimeSpan.Zero);
    /// <summary>Orders uses across all models (later is larger) for least-recently-used eviction; clocks can tie, this cannot.</summary>
    internal long LastUseSequence => Interlocked.Read(ref _lastUseSequence);

    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>Completes when the model has been disposed and its memory handed back.</summary>
    internal Task Disposed => _disposed.Task;

    /// <summary>Cancelled when the cache lets the model go (evicted, replaced by a changed object, removed): what was kept of its answers goes with it.</summary>
    internal IChangeToken LeftCache => new CancellationChangeToken(_leftCache.Token);

    /// <summary>Only valid while the caller holds a reference (a <see cref="ModelLease"/>).</summary>
    internal OnnxModel Onnx => _onnx;

    internal bool TryAddReference()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false; // already released by the cache and by every request: the model is gone
    }

    internal void ReleaseReference()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _onnx.Dispose();
            ProcessMemory.TrimSoon();
            _disposed.TrySetResult();
        }
    }

    /// <summary>Drops the cache's own reference, once, whichever of eviction, replacement or removal gets here first.</summary>
    internal void ReleaseFromCache()
    {
        if (Interlocked.Exchange(ref _releasedByCache, 1) == 0)
        {
            _leftCache.Cancel();
            ReleaseReference();
        }
    }

    internal void RecordUse(DateTimeOffset now, bool countHit)
    {
        if (countHit)
        {
            Interlocked.Increment(ref _hits);
        }

        Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
        Interlocked.Exchange(ref _lastUseSequence, _useOrder.Next());
    }

    internal void MarkValidated(DateTimeOffset now) => Interlocked.Exchange(ref _validatedTicks, now.UtcTicks);

    internal bool TryBeginRevalidation() => Interlocked.CompareExchange(ref _revalidating, 1, 0) == 0;

    internal void EndRevalidation() => Volatile.Write(ref _revalidating, 0);
}
