using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>
/// A local disk copy of every model fetched through it, under its own byte budget (as SageMaker multi-model endpoints
/// keep unloaded models on the instance volume). A model evicted from memory reloads from its file without a
/// download; the file is handed to ONNX Runtime directly. Downloads go to a temporary name and are renamed when
/// complete; a copy whose size or write time no longer matches its <c>entry.json</c> is deleted and fetched again.
/// </summary>
public sealed partial class DiskTierModelStore : IModelStore, IDisposable
{
    private readonly IModelStore _inner;
    private readonly DiskTierOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiskTierModelStore> _logger;
    private readonly DiskTierDirectory _directory;
    private readonly DiskTierIndex _index;
    private readonly ConcurrentDictionary<ModelRef, Lazy<Task<ModelArtifact>>> _fetching = new();

    public DiskTierModelStore(IModelStore inner, DiskTierOptions options, TimeProvider time, ILogger<DiskTierModelStore> logger)
    {
        _inner = inner;
        _options = options;
        _time = time;
        _logger = logger;
        _directory = new DiskTierDirectory(options.Directory);
        _index = new DiskTierIndex(options.BudgetBytes);
        AdoptExistingCopies();
    }

    /// <summary>How long a copy just handed out is safe from eviction and deletion: its caller may not have opened it yet.</summary>
    public static TimeSpan ServedGrace => DiskTierIndex.ServedGrace;

    /// <summary>Bytes of model files on disk now.</summary>
    public long UsedBytes => _index.UsedBytes;

    public string Directory => _directory.Root;

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => _inner.ListModelsAsync(cancellationToken);

    public Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken) =>
        _inner.ListVersionsAsync(modelId, cancellationToken);

    /// <summary>Lets go of the folder, for the next host to use.</summary>
    public void Dispose() => _directory.Dispose();

    // A policy is read where it is written: a disk copy of it would keep a rollback from taking effect.
    public Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken) =>
        _inner.ReadRolloutPolicyAsync(modelId, cancellationToken);

    /// <summary>The versions with a copy on disk: served while the remote store cannot be asked, even right after a restart.</summary>
    public Task<IReadOnlyList<int>> LocalVersionsAsync(string modelId, CancellationToken cancellationToken) =>
        Task.FromResult(_index.VersionsOf(modelId));

    /// <summary>Concurrent fetches of one model share one; each caller's token only stops its own wait.</summary>
    public async Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken)
    {
        var fetch = _fetching.GetOrAdd(model, key => new Lazy<Task<ModelArtifact>>(() => FetchSharedAsync(key, maxBytes)));
        var artifact = await fetch.Value.WaitAsync(cancellationToken);
        return artifact.SizeBytes <= maxBytes ? artifact : throw TooLarge(model, artifact.SizeBytes, maxBytes);
    }

    /// <summary>Asks the inner store; when the model changed, the copy on disk is dropped so the next fetch downloads it.</summary>
    public async Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken)
    {
        var unchanged = await _inner.IsUnchangedAsync(model, etag, cancellationToken);
        if (!unchanged && _index.Find(model) is { } copy)
        {
            Discard(copy, "changed in the store");
        }

        return unchanged;
    }

    private async Task<ModelArtifact> FetchSharedAsync(ModelRef model, long maxBytes)
    {
        try
        {
            if (_index.Find(model) is { } copy && await TryServeAsync(copy, maxBytes) is { } artifact)
            {
                return artifact;
            }

            return await DownloadAsync(model, maxBytes);
        }
        finally
        {
            _fetching.TryRemove(model, out _);
        }
    }

    private async Task<ModelArtifact?> TryServeAsync(DiskTierEntry copy, long maxBytes)
    {
        if (!copy.File.Matches(new FileInfo(copy.ModelPath)))
        {
            Discard(copy, "its file no longer matches entry.json (truncated, rewritten or deleted)");
            return null;
        }

        if (copy.SizeBytes > maxBytes)
        {
            throw TooLarge(copy.Model, copy.SizeBytes, maxBytes);
        }

        var now = _time.GetUtcNow();
        if (copy.File.ETag is { } etag && now - copy.ValidatedAt >= _options.RevalidateAfter)
        {
            try
            {
                if (!await _inner.IsUnchangedAsync(copy.Model, etag, CancellationToken.None))
                {
                    Discard(copy, "changed in the store");
                    return null;
                }

                copy.ValidatedAt = now;
            }
            catch (Exception exception) when (exception is ModelStoreUnavailableException or ModelStoreAccessDeniedException)
            {
                LogServedUnvalidated(exception, copy.Model.Id, copy.Model.Version); // availability over freshness
            }
        }

        copy.LastUsed = now;
        LogHit(copy.Model.Id, copy.Model.Version, copy.SizeBytes);
        return copy.ToArtifact();
    }

    private async Task<ModelArtifact> DownloadAsync(ModelRef model, long maxBytes)
    {
        var temporary = _directory.NewTemporaryFile(model);
        long reserved = 0;
        string? Destination(long size)
        {
            // Called again when the store restarts a download (the object was overwritten mid-way): size may differ.
            _index.Release(reserved);
            reserved = 0;
            if (!_index.TryReserve(size, _time.GetUtcNow(), out var evicted))
            {
                LogNoRoom(model.Id, model.Version, size, _options.BudgetBytes);
                return null;
            }

            foreach (var victim in evicted)
            {
                LogEvicted(victim.Model.Id, victim.Model.Version, victim.SizeBytes);
                DiskTierDirectory.TryDelete(victim.Directory);
            }

            reserved = size;
            return temporary;
        }

        try
        {
            var artifact = _inner is IModelFileFetcher files
                ? await files.FetchAsync(model, maxBytes, Destination, CancellationToken.None)
                : await SpillAsync(await _inner.FetchAsync(model, maxBytes, CancellationToken.None), Destination);
            return artifact.FilePath == temporary ? await KeepAsync(artifact, temporary, reserved) : artifact;
        }
        catch
        {
            DiskTierDirectory.TryDelete(temporary);
            DiskTierDirectory.TryDelete(IModelFileFetcher.DataFolderOf(temporary));
            _index.Release(reserved);
            throw;
        }
    }

    /// <summary>For stores that only hand out bytes or their own files: writes the copy from those.</summary>
    private static async Task<ModelArtifact> SpillAsync(ModelArtifact artifact, Func<long, string?> destination)
    {
        if (destination(artifact.SizeBytes) is not { } path)
        {
            return artifact;
        }

        if (artifact.Bytes is { } bytes)
        {
            await File.WriteAllBytesAsync(path, bytes);
        }
        else
        {
            File.Copy(artifact.FilePath!, path, overwrite: true);
        }

        return artifact with { FilePath = path, Bytes = null };
    }

    private async Task<ModelArtifact> KeepAsync(ModelArtifact artifact, string temporary, long reserved)
    {
        var directory = _directory.NewEntryDirectory(artifact.Model);
        System.IO.Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, ModelFiles.Model);
        File.Move(temporary, modelPath);
        var dataFiles = MoveDataFiles(artifact, temporary, directory);
        var written = new FileInfo(modelPath);
        if (written.Length + dataFiles.Sum(file => file.SizeBytes) != artifact.SizeBytes)
        {
            DiskTierDirectory.TryDelete(directory);
            throw new ModelStoreUnavailableException(
                $"The download of {artifact.Model} wrote {written.Length} of {artifact.SizeBytes} bytes; it will be fetched again.", TimeSpan.FromSeconds(1));
        }

        var file = new DiskTierEntryFile(
            artifact.Model.Id, artifact.Model.Version, artifact.SizeBytes, artifact.ETag, written.LastWriteTimeUtc.Ticks, artifact.Sidecar,
            dataFiles.Count > 0 ? dataFiles : null);
        await file.WriteAsync(directory, CancellationToken.None);
        var now = _time.GetUtcNow();
        var entry = new DiskTierEntry(file, directory, now, now);
        if (_index.Commit(entry, reserved) is { } replaced)
        {
            DiskTierDirectory.TryDelete(replaced.Directory);
        }

        LogStored(artifact.Model.Id, artifact.Model.Version, artifact.SizeBytes, _index.UsedBytes);
        return entry.ToArtifact() with { Download = artifact.Download }; // this fetch did download it
    }

    /// <summary>The external data files the store downloaded beside the temporary model, moved beside the kept one under their own names.</summary>
    private static List<DiskTierDataFile> MoveDataFiles(ModelArtifact artifact, string temporary, string directory)
    {
        var moved = new List<DiskTierDataFile>();
        foreach (var path in artifact.DataFiles ?? [])
        {
            var name = Path.GetFileName(path);
            File.Move(path, Path.Combine(directory, name));
            moved.Add(new DiskTierDataFile(name, new FileInfo(Path.Combine(directory, name)).Length));
        }

        DiskTierDirectory.TryDelete(IModelFileFetcher.DataFolderOf(temporary));
        return moved;
    }

    private void Discard(DiskTierEntry copy, string reason)
    {
        if (!_index.Remove(copy))
        {
            return;
        }

        LogDiscarded(copy.Model.Id, copy.Model.Version, reason);
        var sinceServed = _time.GetUtcNow() - copy.LastUsed;
        if (sinceServed >= DiskTierIndex.ServedGrace)
        {
            DiskTierDirectory.TryDelete(copy.Directory);
        }
        else
        {
            // A caller may still be about to open the file it was handed; delete once it has had time to.
            _ = Task.Delay(DiskTierIndex.ServedGrace - sinceServed, _time).ContinueWith(
                _ => DiskTierDirectory.TryDelete(copy.Directory), TaskScheduler.Default);
        }
    }

    private void AdoptExistingCopies()
    {
        var found = new List<DiskTierEntry>();
        foreach (var (directory, file) in _directory.Scan())
        {
            var model = file is null ? null : new FileInfo(Path.Combine(directory, ModelFiles.Model));
            if (file is null || !file.Matches(model!))
            {
                LogDeletedInvalid(directory);
                DiskTierDirectory.TryDelete(directory);
                continue;
            }

            // Written by an earlier process: used as recently as its entry was written, validated on first use.
            var written = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(directory, DiskTierEntryFile.FileName)));
            found.Add(new DiskTierEntry(file, directory, written, DateTimeOffset.MinValue));
        }

        foreach (var entry in found.OrderByDescending(entry => entry.LastUsed))
        {
            if (!_index.TryAdopt(entry))
            {
                DiskTierDirectory.TryDelete(entry.Directory);
            }
        }

        LogAdopted(_index.UsedBytes, _directory.Root);
    }

    private static ModelTooLargeException TooLarge(ModelRef model, long size, long maxBytes) =>
        new($"Model {model} is {size} bytes, which exceeds the cache budget of {maxBytes} bytes.");
}
