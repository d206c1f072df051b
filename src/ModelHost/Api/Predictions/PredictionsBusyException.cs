namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>Every prediction slot is taken and the queue for them is full (503 with Retry-After).</summary>
public sealed class PredictionsBusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
