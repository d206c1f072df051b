using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>One model copy on disk: what was recorded when it was written, plus its in-memory LRU bookkeeping.</summary>
internal sealed class DiskTierEntry(DiskTierEntryFile file, string directory, DateTimeOffset lastUsed, DateTimeOffset validatedAt)
{
    public DiskTierEntryFile File { get; } = file;

    public string Directory { get; } = directory;

    public string ModelPath => Path.Combine(Directory, ModelFiles.Model);

    public ModelRef Model => File.Model;

    public long SizeBytes => File.SizeBytes;

    /// <summary>Last fetch that returned this copy; LRU order.</summary>
    public DateTimeOffset LastUsed { get; set; } = lastUsed;

    /// <summary>Last time the store confirmed the copy's ETag (or when it was written).</summary>
    public DateTimeOffset ValidatedAt { get; set; } = validatedAt;

    public ModelArtifact ToArtifact() => new(Model, SizeBytes, File.ETag, File.Sidecar, FilePath: ModelPath);
}
