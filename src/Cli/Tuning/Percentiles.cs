namespace MultiModel.Cli.Tuning;

/// <summary>Percentiles by the nearest rank (the value at rank ceil(p/100 x n) in order), as Lambda Power Tuning and CloudWatch read them.</summary>
internal static class Percentiles
{
    public static double? Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
