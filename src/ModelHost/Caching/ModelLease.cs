using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching;

/// <summary>A request's hold on a loaded model; the model stays alive until every lease is disposed.</summary>
public sealed class ModelLease : IDisposable
{
    private LoadedModel? _model;

    internal ModelLease(LoadedModel model, bool cacheHit, TimeSpan loadTime)
    {
        _model = model;
        Ref = model.Ref;
        CacheHit = cacheHit;
        LoadTime = loadTime;
    }

    public LoadedModel Model => _model ?? throw new ObjectDisposedException(nameof(ModelLease));
    /// <summary>The model version leased; still readable once the lease is disposed.</summary>
    public ModelRef Ref { get; }
    public bool CacheHit { get; private set; }

    /// <summary>Time this request waited for the model to load; zero on a cache hit.</summary>
    public TimeSpan LoadTime { get; private set; }

    internal OnnxModel Onnx => Model.Onnx;

    /// <summary>Counts what an earlier lease of the same request saw: a load then is this request's load too.</summary>
    internal ModelLease After(ModelLease earlier)
    {
        CacheHit &= earlier.CacheHit;
        LoadTime += earlier.LoadTime;
        return this;
    }

    public void Dispose() => Interlocked.Exchange(ref _model, null)?.ReleaseReference();
}
