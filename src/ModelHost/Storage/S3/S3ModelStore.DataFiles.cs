using Amazon.S3.Model;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage.DiskTier;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// A model's external data files: every other object in its version folder but the sidecar and the publish record
/// (<see cref="ModelFiles.IsDataFile"/>), as the local store reads its folder (an exporter writes weights over protobuf's 2 GB limit beside the model, named as its tensors name them;
/// ONNX Runtime reads them from beside the model file).
/// </summary>
public sealed partial class S3ModelStore
{
    private sealed record DataFile(string Name, string Key, long Size);

    /// <summary>One listing of the version's folder; its data files in name order.</summary>
    private async Task<IReadOnlyList<DataFile>> ListDataFilesAsync(ModelRef model, CancellationToken cancellationToken)
    {
        var folder = _keys.VersionFolder(model);
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = folder, MaxKeys = _options.ListPageSize };
        var files = new List<DataFile>();
        await ForEachPageAsync(request, $"Model {model}", page =>
        {
            foreach (var s3Object in page.S3Objects ?? [])
            {
                var name = s3Object.Key[folder.Length..];
                if (name.Length > 0 && ModelFiles.IsDataFile(name) && !name.Contains('/', StringComparison.Ordinal))
                {
                    files.Add(new DataFile(name, s3Object.Key, s3Object.Size ?? 0));
                }
            }
        }, cancellationToken);

        return [.. files.OrderBy(file => file.Name, StringComparer.Ordinal)];
    }

    /// <summary>Each data file into the folder beside <paramref name="modelPath"/>; their paths and bytes.</summary>
    private async Task<(IReadOnlyList<string> Paths, long Bytes)> DownloadDataFilesAsync(
        ModelRef model, IReadOnlyList<DataFile> files, string modelPath, CancellationToken cancellationToken)
    {
        var folder = IModelFileFetcher.DataFolderOf(modelPath);
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        long bytes = 0;
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            var downloaded = await DownloadAsync(model, file.Key, long.MaxValue, size => new FileDownloadTarget(path, size), cancellationToken);
            using (downloaded.Target)
            {
                _ = downloaded.Target.ToArtifact(model, downloaded.Size, downloaded.ETag, null); // closes the file
            }

            paths.Add(path);
            bytes += downloaded.Size;
        }

        return (paths, bytes);
    }

    private static ModelLoadFailedException NeedsTheDiskTier(ModelRef model, IReadOnlyList<DataFile> files, long size) => new(
        $"Model {model} keeps its weights in external data files ({string.Join(", ", files.Select(file => file.Name))}), which ONNX Runtime " +
        $"reads from beside the model file: it is served through the disk tier (ModelHost:DiskCache), which is off or has no room for its {size} bytes.");
}
