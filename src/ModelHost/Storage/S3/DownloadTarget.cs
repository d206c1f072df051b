using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// Where a download's bytes go: straight into one array sized from the object, or into a file at the right offsets.
/// Parts arrive concurrently and each writes only its own range.
/// </summary>
internal abstract class DownloadTarget : IDisposable
{
    /// <summary>Reads at most <paramref name="count"/> bytes from <paramref name="source"/> to <paramref name="offset"/>; 0 at end of stream.</summary>
    public abstract ValueTask<int> ReadFromAsync(Stream source, long offset, int count, CancellationToken cancellationToken);

    /// <summary>The artifact for the completed download.</summary>
    public abstract ModelArtifact ToArtifact(ModelRef model, long size, string etag, ModelSidecar? sidecar);

    public virtual void Dispose()
    {
    }
}
