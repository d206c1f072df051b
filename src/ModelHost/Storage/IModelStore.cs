using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>
/// Where model files live: a local folder for a local run, an S3 bucket in production.
/// Layout is <c>{root}/{id}/{version}/model.onnx</c> with positive integer versions, and an optional
/// <c>labels.json</c> sidecar beside the model.
/// </summary>
public interface IModelStore
{
    /// <summary>
    /// The ids of the models stored, in ordinal order: one listing of the store's top level (a folder, or the keys under
    /// the bucket's prefix), for the Open Inference repository index. Folders whose names are not valid ids are left out.
    /// </summary>
    Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>The versions stored for a model, ascending; empty when the model does not exist.</summary>
    Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes one version available for loading. Throws <see cref="ModelNotFoundException"/> when it does not exist,
    /// and <see cref="ModelTooLargeException"/> (before transferring the bytes) when it is larger than
    /// <paramref name="maxBytes"/>.
    /// </summary>
    Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// A cheap check (no download) that the stored bytes still carry <paramref name="etag"/>, so a cached model can be
    /// revalidated without fetching it again. False when the object changed or disappeared.
    /// </summary>
    Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// The model's rollout policy as stored (<c>{id}/rollout.json</c>, <see cref="RolloutPolicy"/>), unparsed so that the
    /// reader reports its problems; null when the model has none. At most <see cref="MaxRolloutPolicyBytes"/> are read.
    /// </summary>
    Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>A policy is a few hundred bytes; anything much larger is not one.</summary>
    public const int MaxRolloutPolicyBytes = 64 * 1024;

    /// <summary>
    /// Versions of a model this store can serve without asking a remote store (a disk tier's copies), ascending: what
    /// a lookup falls back on while the remote store cannot answer. Empty for stores with nothing local.
    /// </summary>
    Task<IReadOnlyList<int>> LocalVersionsAsync(string modelId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>([]);
}
