using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace MultiModel.Cli.Stores;

/// <summary>
/// Uploads one file, never over an existing object (<c>If-None-Match: *</c>; <see cref="ConcurrentUpdateException"/> when there is one): in one PUT up to the part size, above it
/// as a multipart upload whose parts go up a few at a time, each read straight from the file at its offset. Every
/// request sends a plain body with its SHA-256 (<c>UseChunkEncoding = false</c>): radosgw refuses the SDK's default
/// aws-chunked encoding and other S3-compatible servers store its framing (shared/notes/environment.md).
/// </summary>
internal sealed class S3Uploader(IAmazonS3 client, string bucket, long partSizeBytes)
{
    private const int PartsInFlight = 4;

    public async Task UploadAsync(string key, string path, long size, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await UploadCoreAsync(key, path, size, progress, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw Exists(key, exception);
        }
    }

    private async Task UploadCoreAsync(string key, string path, long size, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (size <= partSizeBytes)
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, IfNoneMatch = "*", UseChunkEncoding = false };
            request.StreamTransferProgress += (_, e) => progress?.Report(e.IncrementTransferred);
            await S3Calls.RunAsync(() => client.PutObjectAsync(request, cancellationToken), "upload", bucket, key);
            return;
        }

        var upload = await S3Calls.RunAsync(
            () => client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken), "start uploading", bucket, key);
        try
        {
            var parts = await UploadPartsAsync(key, upload.UploadId, path, size, progress, cancellationToken);
            // radosgw 16 ignores If-None-Match on CompleteMultipartUpload (S3 honours it), so look first as well: the
            // window left is the time between this HEAD and the completion, not the whole upload.
            if (await ExistsAsync(key, cancellationToken))
            {
                throw Exists(key);
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = parts, IfNoneMatch = "*" };
            await S3Calls.RunAsync(() => client.CompleteMultipartUploadAsync(complete, cancellationToken), "complete uploading", bucket, key);
        }
        catch
        {
            // An unfinished upload keeps its parts (and costs storage) until it is aborted.
            var abort = new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId };
            await ((Task)client.AbortMultipartUploadAsync(abort, CancellationToken.None)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await S3Calls.RunAsync(() => client.GetObjectMetadataAsync(bucket, key, cancellationToken), "look for", bucket, key);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private ConcurrentUpdateException Exists(string key, Exception? inner = null) =>
        new($"s3://{bucket}/{key} exists already; nothing was written over it.", inner);

    private async Task<List<PartETag>> UploadPartsAsync(
        string key, string uploadId, string path, long size, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var count = (int)((size + partSizeBytes - 1) / partSizeBytes);
        var etags = new PartETag[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = PartsInFlight, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var offset = index * partSizeBytes;
            var request = new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = index + 1,
                FilePath = path,
                FilePosition = offset,
                PartSize = Math.Min(partSizeBytes, size - offset),
                IsLastPart = index == count - 1,
                UseChunkEncoding = false,
            };
            request.StreamTransferProgress += (_, e) => progress?.Report(e.IncrementTransferred);
            var response = await S3Calls.RunAsync(() => client.UploadPartAsync(request, token), $"upload part {index + 1} of {count} of", bucket, key);
            etags[index] = new PartETag(index + 1, response.ETag);
        });
        return [.. etags];
    }
}
