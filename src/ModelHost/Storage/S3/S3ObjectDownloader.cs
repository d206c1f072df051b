using Amazon.S3;
using Amazon.S3.Model;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// Streams one object into a <see cref="DownloadTarget"/>. The first GET's headers give the size and ETag, so a too
/// large object is refused before its body is read. Objects over the threshold keep that first response for their
/// first part and fetch the rest with ranged GETs pinned to the same ETag, so an overwrite mid-download cannot mix
/// two versions (S3 answers 412 instead).
/// </summary>
internal sealed class S3ObjectDownloader(IAmazonS3 client, S3ModelStoreOptions options, S3ErrorTranslator errors)
{
    public async Task<DownloadedObject> DownloadAsync(
        string key, long maxBytes, Func<long, DownloadTarget> targetForSize, Func<long, Exception> tooLarge, CancellationToken cancellationToken)
    {
        using var first = await client.GetObjectAsync(new GetObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken);
        var size = first.ContentLength;
        if (size > maxBytes)
        {
            throw tooLarge(size); // disposing the response abandons the body unread
        }

        var etag = first.ETag;
        var target = targetForSize(size);
        try
        {
            var parts = 1;
            if (size <= options.ParallelThresholdBytes)
            {
                await CopyAsync(first.ResponseStream, target, 0, size, cancellationToken);
            }
            else
            {
                parts = await DownloadInPartsAsync(key, etag, size, first.ResponseStream, target, cancellationToken);
            }

            return new DownloadedObject(target, size, etag, parts);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    private async Task<int> DownloadInPartsAsync(
        string key, string etag, long size, Stream firstStream, DownloadTarget target, CancellationToken cancellationToken)
    {
        var partSize = (long)options.PartSizeBytes;
        var rest = new List<(long Offset, long Length)>();
        for (var offset = partSize; offset < size; offset += partSize)
        {
            rest.Add((offset, Math.Min(partSize, size - offset)));
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstPart = CopyAsync(firstStream, target, 0, partSize, failed.Token);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelParts - 1, CancellationToken = failed.Token };
        var others = Parallel.ForEachAsync(rest, parallel, async (part, token) =>
        {
            var request = new GetObjectRequest
            {
                BucketName = options.Bucket,
                Key = key,
                ByteRange = new ByteRange(part.Offset, part.Offset + part.Length - 1),
                EtagToMatch = etag,
            };
            using var response = await client.GetObjectAsync(request, token);
            await CopyAsync(response.ResponseStream, target, part.Offset, part.Length, token);
        });

        try
        {
            await Task.WhenAll(firstPart, others);
        }
        catch
        {
            // Stop the other parts at once; the first failure is what the caller needs to see.
            await failed.CancelAsync();
            await Task.WhenAll(firstPart, others).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        return rest.Count + 1;
    }

    /// <summary>Copies exactly <paramref name="length"/> bytes, failing when the body ends early or stalls.</summary>
    private async Task CopyAsync(Stream source, DownloadTarget target, long offset, long length, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var end = offset + length;
        while (offset < end)
        {
            stall.CancelAfter(options.ReadTimeout);
            int read;
            try
            {
                read = await target.ReadFromAsync(source, offset, (int)Math.Min(end - offset, int.MaxValue), stall.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw errors.Unavailable($"S3 sent no data for {options.ReadTimeout.TotalSeconds:0.#} s in the middle of a download.");
            }

            if (read == 0)
            {
                throw errors.Unavailable($"S3 closed the connection with {end - offset} bytes of a download still to come.");
            }

            offset += read;
        }
    }
}
