namespace MultiModel.ModelHost.Caching;

/// <summary>What a loaded model is counted as in the cache's budget.</summary>
/// <param name="Bytes">The charge.</param>
/// <param name="MeasuredBytes">
/// Native memory its session was seen to take, the largest of every load of these bytes so far; null when the
/// platform cannot count it or measuring is off, and the charge is the file-size estimate.
/// </param>
public readonly record struct ModelCharge(long Bytes, long? MeasuredBytes);
