namespace MultiModel.ModelHost.Monitoring;

/// <summary>
/// The fixed bins a top score falls into: ten of width 0.1 over [0, 1], the range of the probabilities a labelled
/// model's scores are (the sidecar's threshold is one too). Fixed rather than learned, so that a baseline written
/// beside a model today still means the same bins after any change to the host.
/// </summary>
public static class ConfidenceBins
{
    public const int Count = 10;

    /// <summary>Sentinel for "no score here yet" in a window's ring.</summary>
    internal const byte None = byte.MaxValue;

    /// <summary>The bin of a score; below 0 counts in the first and 1 or above in the last. NaN has none (-1).</summary>
    public static int Of(float score) =>
        float.IsNaN(score) ? -1 : score <= 0 ? 0 : score >= 1 ? Count - 1 : Math.Min((int)(score * Count), Count - 1);
}
