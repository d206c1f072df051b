namespace MultiModel.ModelHost.Capture;

/// <summary>Where batches of captured records go: an S3 bucket or a local folder.</summary>
public interface ICaptureDestination
{
    /// <summary>Writes one object (one file) under a key laid out by <see cref="CaptureKeys"/>; throws when it cannot.</summary>
    Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
