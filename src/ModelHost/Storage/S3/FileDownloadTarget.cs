using System.Buffers;
using Microsoft.Win32.SafeHandles;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>A file preallocated to the object's size; each part writes at its own offset.</summary>
internal sealed class FileDownloadTarget : DownloadTarget
{
    private const int ChunkBytes = 1024 * 1024;
    private readonly SafeFileHandle _file;
    private readonly string _path;

    public FileDownloadTarget(string path, long size)
    {
        _path = path;
        _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.Asynchronous, size);
    }

    public override async ValueTask<int> ReadFromAsync(Stream source, long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(count, ChunkBytes));
        try
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, Math.Min(count, buffer.Length)), cancellationToken);
            await RandomAccess.WriteAsync(_file, buffer.AsMemory(0, read), offset, cancellationToken);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override ModelArtifact ToArtifact(ModelRef model, long size, string etag, ModelSidecar? sidecar)
    {
        _file.Dispose();
        return new ModelArtifact(model, size, etag, sidecar, FilePath: _path);
    }

    public override void Dispose() => _file.Dispose();
}
