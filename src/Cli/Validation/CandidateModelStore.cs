using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Validation;

/// <summary>
/// The files given on the command line as a store holding one version, so that the host's loader fetches, checks and
/// measures them exactly as it would its own store's. ONNX Runtime reads the model (and any external data files beside
/// it) where it lies; nothing is copied.
/// </summary>
internal sealed class CandidateModelStore(CandidateFiles files) : IModelStore
{
    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<int>>([]);

    public Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken)
    {
        var size = files.ModelBytes;
        if (size > maxBytes)
        {
            throw new ModelTooLargeException($"Model {model} is {size} bytes, which exceeds the cache budget of {maxBytes} bytes.");
        }

        var sidecar = files.Labels is { } labels ? ModelSidecarReader.Read(File.ReadAllBytes(labels), model) : null;
        return Task.FromResult(new ModelArtifact(model, size, ETag: null, sidecar, FilePath: Path.GetFullPath(files.Model)));
    }

    public Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
}
