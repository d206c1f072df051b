namespace MultiModel.Router.Benchmarks;

public static class Stats
{
    /// <summary>Nearest-rank percentile of <paramref name="values"/> (0-100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);
}
