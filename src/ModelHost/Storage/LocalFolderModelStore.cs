using System.Diagnostics;
using System.Globalization;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>
/// The embedded default store: models in a local folder, laid out as <c>{root}/{id}/{version}/model.onnx</c>. Every
/// other file in a version's folder but the sidecar and the publish record belongs to the model: an exporter writes weights over protobuf's
/// 2 GB limit to external data files beside it, and ONNX Runtime reads them from there.
/// </summary>
public sealed class LocalFolderModelStore(string rootDirectory) : IModelStore
{
    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids = !Directory.Exists(RootDirectory) ? []
            : Directory.EnumerateDirectories(RootDirectory).Select(Path.GetFileName).OfType<string>()
                .Where(ModelIdRule.IsValid).Order(StringComparer.Ordinal).ToArray();
        return Task.FromResult(ids);
    }

    public Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken)
    {
        // The API checks ids too, but a store must not depend on that: an id the rule refuses ("..", a separator)
        // could name a folder outside the root, and names no model.
        if (!ModelIdRule.IsValid(modelId))
        {
            return Task.FromResult<IReadOnlyList<int>>([]);
        }

        var modelDirectory = Path.Combine(RootDirectory, modelId);
        IReadOnlyList<int> versions = !Directory.Exists(modelDirectory)
            ? []
            : Directory.EnumerateDirectories(modelDirectory)
                .Select(ParseVersion)
                .Where(version => version > 0 && File.Exists(ModelPath(new ModelRef(modelId, version))))
                .Order()
                .ToArray();
        return Task.FromResult(versions);
    }

    // Synchronous on purpose: a stat and a sidecar of a few hundred bytes, on local disk.
    public Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken)
    {
        if (!ModelIdRule.IsValid(model.Id))
        {
            throw new ModelNotFoundException($"Model '{model.Id}' does not exist: the id cannot name a folder of this store.");
        }

        var started = Stopwatch.GetTimestamp();
        var file = new FileInfo(ModelPath(model));
        if (!file.Exists)
        {
            throw new ModelNotFoundException($"Model '{model.Id}' version {model.Version} does not exist.");
        }

        var files = FilesOf(file);
        var size = files.Sum(part => part.Length);
        if (size > maxBytes)
        {
            throw new ModelTooLargeException(
                $"Model '{model.Id}' version {model.Version} is {size} bytes on disk, which exceeds the cache budget of {maxBytes} bytes.");
        }

        var sidecar = ReadSidecar(model);
        return Task.FromResult(new ModelArtifact(model, size, ETagOf(file), sidecar, FilePath: file.FullName,
            Download: new ModelDownload(size, Stopwatch.GetElapsedTime(started))));
    }

    public Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken)
    {
        if (!ModelIdRule.IsValid(model.Id))
        {
            return Task.FromResult(false);
        }

        var file = new FileInfo(ModelPath(model));
        return Task.FromResult(file.Exists && ETagOf(file) == etag);
    }

    public async Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.Combine(RootDirectory, modelId, RolloutPolicy.FileName));
        if (!ModelIdRule.IsValid(modelId) || !file.Exists)
        {
            return null;
        }

        if (file.Length > IModelStore.MaxRolloutPolicyBytes)
        {
            throw new ModelLoadFailedException($"{modelId}/{RolloutPolicy.FileName} is {file.Length} bytes; a rollout policy is at most {IModelStore.MaxRolloutPolicyBytes}.");
        }

        try
        {
            return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null; // removed between the check and the read: no policy now
        }
    }

    private string ModelPath(ModelRef model) =>
        Path.Combine(RootDirectory, model.Id, model.Version.ToString(CultureInfo.InvariantCulture), ModelFiles.Model);

    private ModelSidecar? ReadSidecar(ModelRef model)
    {
        var path = Path.Combine(Path.GetDirectoryName(ModelPath(model))!, ModelFiles.Sidecar);
        return File.Exists(path) ? ModelSidecarReader.Read(File.ReadAllBytes(path), model) : null;
    }

    /// <summary>The model file first, then its external data files: everything in its folder but the sidecar and the publish record.</summary>
    private static FileInfo[] FilesOf(FileInfo model) =>
    [
        model,
        .. model.Directory!.EnumerateFiles()
            .Where(file => ModelFiles.IsDataFile(file.Name))
            .OrderBy(file => file.Name, StringComparer.Ordinal),
    ];

    // Sizes and write times of every file in the folder (the sidecar too) change whenever one is replaced, which is
    // all revalidation needs to notice.
    private static string ETagOf(FileInfo model) => string.Join(
        ';',
        model.Directory!.EnumerateFiles()
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => string.Create(CultureInfo.InvariantCulture, $"{file.Name}:{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}")));

    private static int ParseVersion(string directory) => ModelIds.StoredVersion(Path.GetFileName(directory));
}
