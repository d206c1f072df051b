namespace MultiModel.ModelHost.Capture;

/// <summary>Batches as files under a folder, keys as relative paths. Written beside, then renamed: a reader never sees half a file.</summary>
public sealed class LocalFolderCaptureDestination(string root) : ICaptureDestination
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, content, cancellationToken);
        File.Move(partial, path);
    }
}
