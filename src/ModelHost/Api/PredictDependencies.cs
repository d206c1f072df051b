using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Caching;

namespace MultiModel.ModelHost.Api;

/// <summary>What a prediction needs, injected as one singleton to keep the handler signature short.</summary>
public sealed class PredictDependencies(ModelCache cache, VersionResolver versions, PredictionSlots slots, PredictionLog log, IOptions<RequestOptions> options)
{
    public PredictionSlots Slots { get; } = slots;
    public ModelCache Cache { get; } = cache;
    public VersionResolver Versions { get; } = versions;
    public PredictionLog Log { get; } = log;
    public IOptions<RequestOptions> Options { get; } = options;
}
