namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>One model version's counts from <see cref="ModelStatistics"/>.</summary>
/// <param name="Inference">Time ONNX Runtime spent running the successful requests.</param>
/// <param name="LastInferenceMilliseconds">When the last successful request ended, in milliseconds since the Unix epoch; 0 before the first.</param>
public readonly record struct ModelCounts(
    long Successes, TimeSpan SuccessTime, long Failures, TimeSpan FailureTime, TimeSpan Inference, long LastInferenceMilliseconds,
    long CacheHits = 0, TimeSpan CacheHitTime = default)
{
    /// <summary>Successes that ran the model (the rest came from the response cache).</summary>
    public long Executions => Successes - CacheHits;
}
