using System.ComponentModel.DataAnnotations;

namespace MultiModel.Router.Forwarding;

/// <summary>Forwarding, retry and circuit-breaker settings (section <c>Router:Forwarding</c>).</summary>
public sealed class ForwardingOptions
{
    public const string SectionName = "Router:Forwarding";
    private const string Message = SectionName + ":{0} must be between {1} and {2}.";

    /// <summary>Time to response headers for a target whose rule names no timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:15:00", ErrorMessage = Message)]
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = Message)]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a 429/503 that carries Retry-After; 0 turns retry off.</summary>
    [Range(0, 5, ErrorMessage = Message)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>A Retry-After longer than this is passed back to the caller instead of waited out.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = Message)]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bodies with a Content-Length up to this size are buffered so a retry can resend them; larger or chunked
    /// bodies stream through and are never retried. 0 keeps every body streaming.
    /// </summary>
    [Range(0, 6 * 1024 * 1024, ErrorMessage = Message)]
    public int ReplayableBodyLimitBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body an IAM target accepts: signing needs its hash, so it is buffered. Lambda's own limit is 6 MB.</summary>
    [Range(1, 64 * 1024 * 1024, ErrorMessage = Message)]
    public int MaxSignedBodyBytes { get; set; } = 6 * 1024 * 1024;

    [Range(0.01, 1.0, ErrorMessage = Message)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000, ErrorMessage = Message)]
    public int BreakerMinimumThroughput { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00", ErrorMessage = Message)]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00", ErrorMessage = Message)]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
