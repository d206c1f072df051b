using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>
/// The tier's folder: one sub-folder per copy (<c>{id}-{hash}.v{version}.{random}</c> holding <c>model.onnx</c> and
/// <c>entry.json</c>) and downloads in progress as <c>*.tmp</c> files. A fresh name per copy means a replaced or
/// evicted copy can be deleted without touching the one that replaced it. One host owns the folder at a time: it
/// holds an exclusive lock on <c>.lock</c> inside for as long as it runs, so a second host on the same machine cannot
/// delete the first one's downloads in progress or evict its copies; it is refused at start instead.
/// </summary>
internal sealed class DiskTierDirectory : IDisposable
{
    private const string MarkerFile = ".modelhost-disk-tier";
    private const string LockFile = ".lock";
    private const string TemporarySuffix = ".tmp";
    private readonly FileStream _lock;

    public DiskTierDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        var marker = Path.Combine(Root, MarkerFile);
        if (!File.Exists(marker))
        {
            // Everything in the folder is deleted when it is not a valid copy, so refuse one that holds anything else.
            if (Directory.EnumerateFileSystemEntries(Root).Any())
            {
                throw new InvalidOperationException(
                    $"ModelHost:DiskCache:Directory '{Root}' is not empty and was not created by the disk tier; point it at an empty or new folder.");
            }

            File.WriteAllText(marker, "Model copies of the ModelHost disk tier; everything here may be deleted at any time.\n");
        }

        _lock = TakeLock(Root);
    }

    public string Root { get; }

    public string NewTemporaryFile(ModelRef model) => Path.Combine(Root, $"{Name(model)}.{Guid.NewGuid():N}{TemporarySuffix}");

    public string NewEntryDirectory(ModelRef model) => Path.Combine(Root, $"{Name(model)}.{Guid.NewGuid():N}");

    /// <summary>Deletes interrupted downloads and returns every copy folder with its recorded entry (null when unreadable).</summary>
    public IEnumerable<(string Directory, DiskTierEntryFile? Entry)> Scan()
    {
        foreach (var temporary in Directory.EnumerateFiles(Root, "*" + TemporarySuffix))
        {
            TryDelete(temporary);
        }

        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            var entry = DiskTierEntryFile.TryRead(directory);
            var belongs = entry is not null && Path.GetFileName(directory).StartsWith(Name(entry.Model) + ".", StringComparison.Ordinal);
            yield return (directory, belongs ? entry : null);
        }
    }

    public void Dispose() => _lock.Dispose();

    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A copy that cannot be deleted now is found again by the next start's scan.
        }
    }

    // FileShare.None is an exclusive advisory lock (flock) on Linux, honoured by every .NET process; the kernel drops it
    // when the process ends, however it ends, so a crashed host never leaves the folder locked.
    private static FileStream TakeLock(string root)
    {
        try
        {
            return new FileStream(Path.Combine(root, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"ModelHost:DiskCache:Directory '{root}' is in use by another running host. Give each host a folder of its own " +
                "(two hosts in one folder would delete each other's downloads and evict each other's copies).", exception);
        }
    }

    /// <summary>A readable, collision-free folder name for any id: the id's safe characters plus a hash of the whole id.</summary>
    private static string Name(ModelRef model)
    {
        var readable = new string(model.Id.Take(48).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model.Id)))[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{readable}-{hash}.v{model.Version}");
    }
}
