namespace MultiModel.Cli.Tuning;

/// <summary>A size's measurement with its prices on both architectures and what a reader should be warned of.</summary>
internal sealed record SizeResult(SizeMeasurement Measured, SizeCost? X86, SizeCost? Arm64, double? MeanWarmMs, IReadOnlyList<string> Warnings)
{
    public SizeCost? Cost(CpuArchitecture architecture) => architecture == CpuArchitecture.Arm64 ? Arm64 : X86;

    /// <summary>A size a strategy may recommend: it served the whole workload and has figures to rank.</summary>
    public bool Eligible => Measured.Viable && X86 is not null && MeanWarmMs is not null;

    public static SizeResult Of(SizeMeasurement measured, CostAssumptions assumptions, double hitRatioThreshold)
    {
        var warm = measured.Models.Values.SelectMany(model => model.WarmMs).ToList();
        return new SizeResult(
            measured,
            CostModel.Of(measured, CpuArchitecture.X86_64, assumptions),
            CostModel.Of(measured, CpuArchitecture.Arm64, assumptions),
            warm.Count > 0 ? warm.Average() : null,
            WarningsFor(measured, hitRatioThreshold));
    }

    private static List<string> WarningsFor(SizeMeasurement measured, double hitRatioThreshold)
    {
        var warnings = new List<string>();
        var size = measured.Size;
        if (measured.Failure is not null)
        {
            warnings.Add(measured.Failure);
        }

        if (measured.OomKilled)
        {
            warnings.Add($"killed for passing its {size.MemoryMb} MB limit (OOM): on Lambda the environment is lost and the request fails");
        }

        if (measured.ErrorStatuses.Count > 0)
        {
            warnings.Add($"{measured.Errors} of {measured.Requests} requests failed ({string.Join(", ", measured.ErrorStatuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Value} x {(pair.Key == 0 ? "no answer" : pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}"))}){(measured.ErrorStatuses.ContainsKey(507) ? "; 507: a model does not fit the cache budget at this size" : "")}");
        }

        if (measured.Cache?.HitRatio is { } ratio && ratio < hitRatioThreshold)
        {
            warnings.Add($"cache hit ratio {ratio:P0} is under {hitRatioThreshold:P0} ({measured.Cache.Evictions} evictions): the budget ({measured.Cache.BudgetBytes / 1048576} MB) cannot hold the workload's hot models, so requests reload them; its price includes those reloads");
        }

        if (size.CpuCapped)
        {
            warnings.Add($"CPU capped at this machine's {size.EmulatedVcpus:0.##} vCPUs (Lambda gives {size.Vcpus:0.##}): durations are those of fewer vCPUs than Lambda's");
        }

        return warnings;
    }
}
