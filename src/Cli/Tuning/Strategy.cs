namespace MultiModel.Cli.Tuning;

/// <summary>
/// Power Tuning's three ways to choose: the cheapest, the fastest, or balanced, which minimises
/// <c>weight x cost / max cost + (1 - weight) x duration / max duration</c> over the eligible sizes (weight 0 is speed,
/// 1 is cost). Sizes with kills or errors are never chosen; ties go to the smaller size.
/// </summary>
internal static class Strategy
{
    public const string Cost = "cost";
    public const string Speed = "speed";
    public const string Balanced = "balanced";

    public static SizeResult? Choose(string strategy, IReadOnlyList<SizeResult> sizes, CpuArchitecture architecture, double balancedWeight)
    {
        var eligible = sizes.Where(size => size.Eligible).OrderBy(size => size.Measured.Size.MemoryMb).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        var maxCost = eligible.Max(size => size.Cost(architecture)!.Total);
        var maxDuration = eligible.Max(size => size.MeanWarmMs!.Value);
        Func<SizeResult, double> score = strategy switch
        {
            Cost => size => (double)size.Cost(architecture)!.Total,
            Speed => size => size.MeanWarmMs!.Value,
            Balanced => size => (balancedWeight * (double)(size.Cost(architecture)!.Total / maxCost)) + ((1 - balancedWeight) * (size.MeanWarmMs!.Value / maxDuration)),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "expected cost, speed or balanced"),
        };
        return eligible.MinBy(score); // the first of equal scores: the smaller size
    }
}
