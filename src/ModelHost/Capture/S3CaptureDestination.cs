using Amazon.S3;
using Amazon.S3.Model;

namespace MultiModel.ModelHost.Capture;

/// <summary>Batches as objects in a bucket, one PUT each.</summary>
public sealed class S3CaptureDestination(IAmazonS3 s3, string bucket) : ICaptureDestination
{
    public async Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = body,
            ContentType = "application/x-ndjson",
            // S3-compatible servers refuse or corrupt the SDK's default aws-chunked upload (docs/s3.md); the body is in memory anyway.
            UseChunkEncoding = false,
        }, cancellationToken);
    }
}
