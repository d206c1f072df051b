namespace MultiModel.ModelHost.Models;

/// <summary>The store is unreachable or too slow right now; the caller may retry later (503 with Retry-After).</summary>
public sealed class ModelStoreUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
