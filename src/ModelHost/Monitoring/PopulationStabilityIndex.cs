namespace MultiModel.ModelHost.Monitoring;

/// <summary>
/// How far one distribution over the same bins has moved from another: the sum over bins of
/// (actual - expected) * ln(actual / expected), both as fractions. The usual reading: under 0.1 no real change,
/// 0.1 to 0.25 a moderate one, over 0.25 a significant one.
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>
    /// What an empty bin counts as. Without a floor one bin empty on one side and not on the other makes the index
    /// infinite; with it that bin adds a large but finite amount (a bin holding a tenth of the scores against an empty
    /// one adds 0.1 * ln(0.1 / 0.0001), about 0.69).
    /// </summary>
    public const double EmptyBinFraction = 0.0001;

    /// <summary>The index between two histograms over the same bins (counts or fractions); each must have a positive total.</summary>
    public static double Compute(ReadOnlySpan<double> expectedCounts, ReadOnlySpan<double> actualCounts)
    {
        if (expectedCounts.Length != actualCounts.Length)
        {
            throw new ArgumentException("Both histograms must have the same bins.", nameof(actualCounts));
        }

        double expectedTotal = Total(expectedCounts), actualTotal = Total(actualCounts);
        if (expectedTotal <= 0 || actualTotal <= 0)
        {
            throw new ArgumentException("Both histograms must hold at least one value.");
        }

        var index = 0.0;
        for (var bin = 0; bin < expectedCounts.Length; bin++)
        {
            var expected = Math.Max(expectedCounts[bin] / expectedTotal, EmptyBinFraction);
            var actual = Math.Max(actualCounts[bin] / actualTotal, EmptyBinFraction);
            index += (actual - expected) * Math.Log(actual / expected);
        }

        return index;
    }

    /// <summary>A histogram's total, negative counts as none: what <see cref="Compute"/> needs positive on both sides.</summary>
    public static double Total(ReadOnlySpan<double> counts)
    {
        var total = 0.0;
        foreach (var count in counts)
        {
            total += Math.Max(count, 0);
        }

        return total;
    }
}
