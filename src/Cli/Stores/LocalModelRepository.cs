using System.Globalization;
using System.Security.Cryptography;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Stores;

/// <summary>
/// A local folder laid out as the host's <see cref="LocalFolderModelStore"/> reads it. A version is written into a
/// hidden staging folder beside the versions (a name that is no version, so a host ignores it) and then renamed into
/// place in one step: a host sees no version, then all of it. The rename fails if the version's folder exists by then.
/// </summary>
internal sealed class LocalModelRepository(string root) : IModelRepository
{
    private const int CopyBufferBytes = 1024 * 1024;
    private readonly LocalFolderModelStore _store = new(root);

    public string Location => _store.RootDirectory;

    public IModelStore Store => _store;

    public Task<int> HighestVersionFolderAsync(string modelId, CancellationToken cancellationToken)
    {
        var folder = ModelFolder(modelId);
        var highest = !Directory.Exists(folder) ? 0
            : Directory.EnumerateDirectories(folder).Select(path => ModelIds.StoredVersion(Path.GetFileName(path))).DefaultIfEmpty(0).Max();
        return Task.FromResult(highest);
    }

    public async Task PublishAsync(ModelRef version, IReadOnlyList<VersionFile> files, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var final = VersionFolder(version);
        if (Directory.Exists(final))
        {
            throw VersionExists(version);
        }

        var staging = Path.Combine(ModelFolder(version.Id), $".publish-{version.Version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in files)
            {
                await CopyAsync(file.SourcePath, Path.Combine(staging, file.Name), progress, cancellationToken);
            }

            try
            {
                Directory.Move(staging, final);
            }
            catch (IOException exception) when (Directory.Exists(final))
            {
                throw VersionExists(version, exception);
            }
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    public async Task<byte[]?> ReadVersionFileAsync(ModelRef version, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(VersionFolder(version), name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async Task<StoredPolicy?> ReadPolicyAsync(string modelId, CancellationToken cancellationToken)
    {
        var bytes = await _store.ReadRolloutPolicyAsync(modelId, cancellationToken);
        return bytes is null ? null : new StoredPolicy(bytes, Tag(bytes));
    }

    public async Task WritePolicyAsync(string modelId, byte[] json, StoredPolicy? replacing, CancellationToken cancellationToken)
    {
        var path = Path.Combine(ModelFolder(modelId), RolloutPolicy.FileName);
        // An exclusive lock (flock on Linux) for the read-compare-rename, so two writers cannot both find the tag they
        // read. A second writer does not wait: it fails, reads again when it is run again, and overwrites nothing.
        FileStream gate;
        try
        {
            gate = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException exception)
        {
            throw new ConcurrentUpdateException($"{path} is being written by another run of the tool; nothing was changed.", exception);
        }

        await using (gate)
        {
            var current = await ReadPolicyAsync(modelId, cancellationToken);
            if (current?.Tag != replacing?.Tag)
            {
                throw new ConcurrentUpdateException(
                    $"{path} changed since it was read ({(current is null ? "it was removed" : "another write")}); nothing was changed, run the command again.");
            }

            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, json, cancellationToken);
            File.Move(temporary, path, overwrite: true); // a rename: a host reads the old policy or the new one, never half
        }
    }

    public void Dispose()
    {
    }

    private string ModelFolder(string modelId) => Path.Combine(_store.RootDirectory, modelId);

    private string VersionFolder(ModelRef version) =>
        Path.Combine(ModelFolder(version.Id), version.Version.ToString(CultureInfo.InvariantCulture));

    private static string Tag(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private ConcurrentUpdateException VersionExists(ModelRef version, Exception? inner = null) =>
        new($"Version {version.Version} of '{version.Id}' already exists in {VersionFolder(version)} (published meanwhile?); nothing was written over it.", inner);

    private static async Task CopyAsync(string source, string destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes, useAsync: true);
        await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true);
        var buffer = new byte[CopyBufferBytes];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            progress?.Report(read);
        }
    }
}
