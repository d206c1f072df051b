using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>One array of exactly the object's size; the socket reads land in it directly, with no second buffer.</summary>
internal sealed class MemoryDownloadTarget(long size) : DownloadTarget
{
    private readonly byte[] _bytes = GC.AllocateUninitializedArray<byte>(checked((int)size));

    public override ValueTask<int> ReadFromAsync(Stream source, long offset, int count, CancellationToken cancellationToken) =>
        source.ReadAsync(_bytes.AsMemory((int)offset, count), cancellationToken);

    public override ModelArtifact ToArtifact(ModelRef model, long size, string etag, ModelSidecar? sidecar) =>
        new(model, size, etag, sidecar, Bytes: _bytes);
}
