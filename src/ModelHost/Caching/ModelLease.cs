using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>A request's hold on a loaded model; the session stays alive until every lease is disposed.</summary>
public sealed class ModelLease : IDisposable
{
    private LoadedModel? _model;

    internal ModelLease(LoadedModel model, bool cacheHit, TimeSpan loadTime)
    {
        _model = model;
        CacheHit = cacheHit;
        LoadTime = loadTime;
    }

    public LoadedModel Model => _model ?? throw new ObjectDisposedException(nameof(ModelLease));
    public ModelRef Ref => Model.Ref;
    public bool CacheHit { get; }

    /// <summary>Time this request waited for the model to load; zero on a cache hit.</summary>
    public TimeSpan LoadTime { get; }

    internal InferenceSession Session => Model.Session;

    public void Dispose() => Interlocked.Exchange(ref _model, null)?.ReleaseReference();
}
