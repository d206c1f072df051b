using Amazon.S3;
using Amazon.S3.Model;

namespace MultiModel.S3.Benchmarks;

/// <summary>The baseline: one plain SDK GetObject read into an array sized from ContentLength, as anyone would write it.</summary>
internal static class RawS3
{
    /// <param name="ranged">
    /// Ask for "bytes=0-" to the end. The SDK checks the MD5 of a whole-object GET against a single-part ETag while it
    /// streams (AmazonS3ResponseHandler wraps the body in an MD5Stream) and skips that for ranged GETs, as the store's
    /// GETs are; this row shows how much of a difference is that check.
    /// </param>
    public static async Task<byte[]> GetAsync(IAmazonS3 client, string bucket, string key, bool ranged = false)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key };
        if (ranged)
        {
            request.ByteRange = new ByteRange(0, 1L << 40);
        }

        using var response = await client.GetObjectAsync(request);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)response.ContentLength));
        await response.ResponseStream.ReadExactlyAsync(bytes);
        return bytes;
    }
}
