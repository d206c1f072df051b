using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Validation;

/// <summary>A model loaded by the host's loader, with what its load was measured to take. Disposing it frees its session.</summary>
internal sealed class MeasuredModel(LoadedModel loaded, ModelArtifact artifact, TimeSpan loadTime) : IDisposable
{
    public ModelRef Ref => loaded.Ref;

    public OnnxModel Onnx => loaded.Onnx;

    public ModelSignature Signature => loaded.Signature;

    public LabelPostProcessor? Labels => loaded.Labels;

    /// <summary>What the cache would count it as: its measured footprint, else the file-size estimate.</summary>
    public ModelCharge Charge => loaded.Charge;

    public long FileBytes => artifact.SizeBytes;

    public bool HasSidecar => artifact.Sidecar is not null;

    public TimeSpan LoadTime => loadTime;

    public void Dispose() => loaded.ReleaseFromCache();
}
