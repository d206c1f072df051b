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
    /// <remarks>
    /// The size passed to <paramref name="destination"/> counts the model's external data files too; they are
    /// downloaded into <see cref="DataFolderOf"/> the model's destination (an artifact's DataFiles).
    /// </remarks>
    Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, Func<long, string?> destination, CancellationToken cancellationToken);

    /// <summary>Where the external data files of a model downloaded to <paramref name="modelDestination"/> go.</summary>
    public static string DataFolderOf(string modelDestination) => modelDestination + ".files";
}
