using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Stores;

/// <summary>
/// A model store as the tool uses it: the host's own store for everything a host reads (versions, models, the policy),
/// and the writes only the tool makes: a new version folder, never over an existing one, and <c>rollout.json</c>,
/// never over a policy it did not read.
/// </summary>
internal interface IModelRepository : IDisposable
{
    /// <summary>Where the store is, as messages name it: a folder, or <c>s3://bucket/prefix</c>.</summary>
    string Location { get; }

    /// <summary>The host's store over the same folder or bucket.</summary>
    IModelStore Store { get; }

    /// <summary>
    /// The highest version number that has any file, complete or not: a folder still being published (no model.onnx yet)
    /// is not a version a host lists, but its number is taken. 0 when there is none.
    /// </summary>
    Task<int> HighestVersionFolderAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new version's files in the order given (model.onnx last, so a host never lists half a version).
    /// Throws <see cref="ConcurrentUpdateException"/> when the version already has a file, also one that appeared meanwhile.
    /// </summary>
    Task PublishAsync(ModelRef version, IReadOnlyList<VersionFile> files, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>A small file of a version (its publish manifest), or null when it has none.</summary>
    Task<byte[]?> ReadVersionFileAsync(ModelRef version, string name, CancellationToken cancellationToken);

    /// <summary>The model's rollout.json with its tag; null when it has none.</summary>
    Task<StoredPolicy?> ReadPolicyAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes rollout.json if it is still <paramref name="replacing"/> (null: if there is still none); otherwise throws
    /// <see cref="ConcurrentUpdateException"/> and writes nothing.
    /// </summary>
    Task WritePolicyAsync(string modelId, byte[] json, StoredPolicy? replacing, CancellationToken cancellationToken);
}
