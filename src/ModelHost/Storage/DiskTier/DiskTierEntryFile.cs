using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>
/// <c>entry.json</c> beside each copy: what the file must look like to be trusted (size and write time, so a truncated
/// or rewritten file is caught with one stat) and the ETag it had in the store, which revalidation compares.
/// </summary>
/// <param name="SizeBytes">The model file's bytes and its external data files' together.</param>
/// <param name="DataFiles">The external data files beside the model (name and bytes); null when it has none.</param>
internal sealed record DiskTierEntryFile(
    string Id, int Version, long SizeBytes, string? ETag, long ModelWriteTimeTicks, ModelSidecar? Sidecar,
    IReadOnlyList<DiskTierDataFile>? DataFiles = null)
{
    public const string FileName = "entry.json";

    public ModelRef Model => new(Id, Version);

    /// <summary>Written under a temporary name then renamed, so a reader sees the whole file or none.</summary>
    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        await using (var stream = System.IO.File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, this, cancellationToken: cancellationToken);
        }

        System.IO.File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The recorded entry, or null when it is missing or unreadable.</summary>
    public static DiskTierEntryFile? TryRead(string directory)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<DiskTierEntryFile>(System.IO.File.ReadAllBytes(Path.Combine(directory, FileName)));
            return entry is { Id.Length: > 0, Version: > 0, SizeBytes: >= 0 } ? entry : null;
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the model file is still exactly what was written (same size, not rewritten since), and its data files are all there at their sizes.</summary>
    public bool Matches(FileInfo model) =>
        model.Exists && model.Length == SizeBytes - (DataFiles?.Sum(file => file.SizeBytes) ?? 0) && model.LastWriteTimeUtc.Ticks == ModelWriteTimeTicks
        && (DataFiles ?? []).All(file => new FileInfo(Path.Combine(model.DirectoryName!, file.Name)) is { Exists: true } data && data.Length == file.SizeBytes);
}
