namespace MultiModel.ModelHost.Storage.S3;

/// <summary>An object streamed completely into its target.</summary>
internal sealed record DownloadedObject(DownloadTarget Target, long Size, string ETag, int Parts);
