using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Publishing;

/// <summary>
/// A version ready to be written: its files in the order they go (sidecars, then publish.json, then model.onnx), and
/// the manifest, held in a temporary file until disposed.
/// </summary>
internal sealed class PublishPlan(ModelRef version, IReadOnlyList<VersionFile> files, PublishManifest manifest, string manifestPath) : IDisposable
{
    public ModelRef Version { get; } = version;

    public IReadOnlyList<VersionFile> Files { get; } = files;

    public PublishManifest Manifest { get; } = manifest;

    public long TotalBytes => Files.Sum(file => file.Bytes);

    public void Dispose() => File.Delete(manifestPath);
}
