using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>
/// A store that can stream a model straight into a file, so the disk tier writes it once instead of holding the whole
/// model in memory first and copying it out.
/// </summary>
public interface IModelFileFetcher
{
    /// <summary>
    /// Like <see cref="IModelStore.FetchAsync"/>, but once the size is known the bytes go to the file
    /// <paramref name="destination"/> names for that size (an artifact with FilePath); when it returns null, to memory.
    /// </summary>
    Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, Func<long, string?> destination, CancellationToken cancellationToken);
}
