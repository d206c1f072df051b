using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// Where and how the S3 model store reads, bound from <c>ModelHost:Store:S3</c>. Credentials are deliberately absent:
/// they come from the SDK's default chain (the Lambda role in production, environment variables in tests).
/// </summary>
public sealed class S3ModelStoreOptions
{
    public const string SectionName = "ModelHost:Store:S3";

    [Required]
    public string Bucket { get; set; } = "";

    /// <summary>Prepended verbatim to every key: <c>{Prefix}{id}/{version}/model.onnx</c>, so end it with '/' for a folder.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>The bucket's region; when unset the SDK's default region chain decides (AWS_REGION on Lambda).</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint of an S3-compatible server (e.g. http://127.0.0.1:7480); switches to path-style addressing.</summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>Longest wait for a response's headers; the body is covered by <see cref="ReadTimeout"/> instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest silence allowed while a body streams in; a stalled download fails instead of hanging a load.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>SDK retries per request (standard mode, with backoff). Kept small: a caller waits through all of them.</summary>
    [Range(0, 5)]
    public int MaxErrorRetry { get; set; } = 2;

    /// <summary>What a 503 tells clients to wait when S3 is unreachable, slow or throttling.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes per GET. The first GET asks for the first part and learns the object's size from the answer, so an object
    /// up to this size takes exactly one request; a larger one continues with ranged GETs of this size in parallel
    /// (the design of the AWS CRT transfer client). The default is measured by bench/S3.Benchmarks (docs/s3.md).
    /// </summary>
    [Range(1024 * 1024, 1024 * 1024 * 1024)]
    public int PartSizeBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Ranged GETs in flight at once for one object; 1 fetches the parts one after another.</summary>
    [Range(1, 64)]
    public int MaxParallelParts { get; set; } = 4;

    /// <summary>Keys per ListObjectsV2 page (S3 caps it at 1,000); lower only to exercise paging.</summary>
    [Range(1, 1000)]
    public int ListPageSize { get; set; } = 1000;
}

/// <summary>The checks of <see cref="S3ModelStoreOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class S3ModelStoreOptionsValidator : IValidateOptions<S3ModelStoreOptions>;
