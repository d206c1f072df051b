namespace MultiModel.ModelHost.Caching;

/// <summary>Histogram bucket boundaries, in seconds, shared by the host's instruments that time the same kind of thing.</summary>
public static class LatencyBuckets
{
    /// <summary>A prediction: a warm one takes well under a millisecond on a small model; a cold one includes the load.</summary>
    public static IReadOnlyList<double> Prediction { get; } = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
}
