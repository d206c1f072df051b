using System.Globalization;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// Streams one object into a <see cref="DownloadTarget"/>. The first GET asks for the first part only; its answer
/// gives the object's size and ETag, so a too large object is refused after one small request, and an object that
/// fits in one part is complete. The other parts follow as ranged GETs in parallel, pinned to the first answer's ETag
/// so an overwrite mid-download cannot mix two versions (S3 answers 412 instead). No response is ever abandoned
/// half-read, which would make the server push bytes nobody reads.
/// </summary>
internal sealed class S3ObjectDownloader(IAmazonS3 client, S3ModelStoreOptions options, S3ErrorTranslator errors)
{
    public async Task<DownloadedObject> DownloadAsync(
        string key, long maxBytes, Func<long, DownloadTarget> targetForSize, Func<long, Exception> tooLarge, CancellationToken cancellationToken)
    {
        long partSize = options.PartSizeBytes;
        using var first = await GetFirstPartAsync(key, partSize, cancellationToken);
        var size = TotalSize(first);
        if (size > maxBytes)
        {
            throw tooLarge(size);
        }

        var target = targetForSize(size);
        try
        {
            var firstLength = first.ContentLength; // all of it when the server ignored the range
            var copyFirst = CopyAsync(first.ResponseStream, target, 0, firstLength, cancellationToken);
            var parts = 1;
            if (firstLength >= size)
            {
                await copyFirst;
            }
            else
            {
                parts = await DownloadRestAsync(key, first.ETag, firstLength, size, copyFirst, target, cancellationToken);
            }

            return new DownloadedObject(target, size, first.ETag, parts);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    private async Task<GetObjectResponse> GetFirstPartAsync(string key, long partSize, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetObjectAsync(
                new GetObjectRequest { BucketName = options.Bucket, Key = key, ByteRange = new ByteRange(0, partSize - 1) }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Only an empty object has no byte 0; fetch it plainly so it fails where every broken model fails: at load.
            return await client.GetObjectAsync(new GetObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken);
        }
    }

    private async Task<int> DownloadRestAsync(
        string key, string etag, long offset, long size, Task copyFirst, DownloadTarget target, CancellationToken cancellationToken)
    {
        var rest = new List<(long Offset, long Length)>();
        for (; offset < size; offset += options.PartSizeBytes)
        {
            rest.Add((offset, Math.Min(options.PartSizeBytes, size - offset)));
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelParts - 1), CancellationToken = failed.Token };
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
            await Task.WhenAll(copyFirst, others);
        }
        catch
        {
            // Stop the other parts at once; the first failure is what the caller needs to see.
            await failed.CancelAsync();
            await Task.WhenAll(copyFirst, others).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        return rest.Count + 1;
    }

    /// <summary>The whole object's size: after the slash of "bytes 0-1023/5000", or the body's length without a range.</summary>
    private static long TotalSize(GetObjectResponse response)
    {
        var range = response.ContentRange;
        var slash = range?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : response.ContentLength;
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
