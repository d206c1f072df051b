using System.Globalization;

namespace MultiModel.Cli.Tuning;

/// <summary>Turns a tune's measurements into its report: prices, warnings and each strategy's choice.</summary>
internal static class TuneReportBuilder
{
    /// <summary>The inputs that are not measurements: what was asked, and how to price and choose.</summary>
    public sealed record Choices(CostAssumptions Costs, CpuArchitecture Architecture, double HitRatioThreshold, double BalancedWeight);

    public static TuneReport Build(
        IReadOnlyList<SizeMeasurement> measurements, Workload workload, TuneSettings settings, Choices choices, DateTimeOffset measuredAt, TimeSpan elapsed)
    {
        var results = measurements.Select(measured => SizeResult.Of(measured, choices.Costs, choices.HitRatioThreshold)).ToList();
        var prices = choices.Costs.Prices;
        return new TuneReport(
            "multimodel tune",
            measuredAt,
            Math.Round(elapsed.TotalSeconds, 1),
            Environment.ProcessorCount,
            LoadAverage(),
            new WorkloadReport(workload.Source, settings.Requests, settings.Seed, workload.ModelIds),
            new PricesReport(prices.Region, prices.TakenOn, prices.X86PerGbSecond, prices.Arm64PerGbSecond, prices.PerMillionRequests),
            ArchitectureName(choices.Architecture),
            choices.Costs.ColdStartRate,
            choices.Costs.AlwaysOnHourly,
            choices.HitRatioThreshold,
            choices.BalancedWeight,
            results.Select(result => Size(result, choices)).ToArray(),
            [Recommend(Strategy.Cost, results, choices), Recommend(Strategy.Speed, results, choices), Recommend(Strategy.Balanced, results, choices)]);
    }

    public static string ArchitectureName(CpuArchitecture architecture) => architecture == CpuArchitecture.Arm64 ? "arm64" : "x86_64";

    private static SizeReport Size(SizeResult result, Choices choices)
    {
        var measured = result.Measured;
        var size = measured.Size;
        var models = measured.Models.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new ModelReport(
            pair.Key,
            pair.Value.Requests,
            pair.Value.Errors,
            Round(pair.Value.ColdMs),
            Round(Percentiles.Of(pair.Value.WarmMs, 50)),
            Round(Percentiles.Of(pair.Value.WarmMs, 95)),
            Round(Percentiles.Of(pair.Value.WarmMs, 99)),
            Money(CostModel.OfModel(pair.Value, size.MemoryMb, CpuArchitecture.X86_64, choices.Costs.Prices)?.Total),
            Money(CostModel.OfModel(pair.Value, size.MemoryMb, CpuArchitecture.Arm64, choices.Costs.Prices)?.Total))).ToArray();
        return new SizeReport(
            size.MemoryMb,
            Math.Round(size.Vcpus, 3),
            Math.Round(size.EmulatedVcpus, 3),
            size.CpuCapped,
            size.LimitBytes,
            result.Eligible,
            Round(measured.InitMs),
            measured.PeakResidentBytes,
            measured.CgroupPeakBytes,
            measured.Cache?.BudgetBytes,
            measured.Cache?.HitRatio is { } ratio ? Math.Round(ratio, 4) : null,
            measured.Cache?.Loads,
            measured.Cache?.Evictions,
            measured.OomKilled,
            measured.Requests,
            measured.Errors,
            Round(result.MeanWarmMs),
            Money(result.X86?.Total),
            Money(result.Arm64?.Total),
            Parts(result.X86),
            Parts(result.Arm64),
            result.Cost(choices.Architecture)?.BreakEvenRequestsPerDay(choices.Costs.AlwaysOnHourly) is { } perDay ? Math.Round(perDay) : null,
            measured.ThrottledPeriods,
            measured.DurationsFromHost,
            result.Warnings,
            models);
    }

    private static RecommendationReport Recommend(string strategy, IReadOnlyList<SizeResult> results, Choices choices)
    {
        var chosen = Strategy.Choose(strategy, results, choices.Architecture, choices.BalancedWeight);
        if (chosen is null)
        {
            return new RecommendationReport(strategy, null, "no size served the whole workload without a kill or an error; try larger sizes");
        }

        var cost = chosen.Cost(choices.Architecture)!.Total;
        var why = (strategy switch
        {
            Strategy.Cost => (FormattableString)$"the cheapest: ${cost:0.000} per million requests on {ArchitectureName(choices.Architecture)}",
            Strategy.Speed => (FormattableString)$"the fastest: {chosen.MeanWarmMs:0.0} ms mean warm duration",
            _ => (FormattableString)$"weight {choices.BalancedWeight:0.##} (0 speed, 1 cost): ${cost:0.000} per million, {chosen.MeanWarmMs:0.0} ms mean",
        }).ToString(CultureInfo.InvariantCulture);
        var warnings = chosen.Warnings.Where(warning => !warning.StartsWith("CPU capped", StringComparison.Ordinal)).ToList();
        return new RecommendationReport(strategy, chosen.Measured.Size.MemoryMb, warnings.Count == 0 ? why : $"{why}; but {string.Join("; ", warnings)}");
    }

    private static CostReport? Parts(SizeCost? cost) => cost is null ? null
        : new CostReport(Money(cost.Requests)!.Value, Money(cost.Duration)!.Value, Money(cost.ColdStarts)!.Value, Money(cost.Total)!.Value);

    private static decimal? Money(decimal? dollars) => dollars is { } value ? Math.Round(value, 6) : null;

    private static double? Round(double? milliseconds) => milliseconds is { } value ? Math.Round(value, 2) : null;

    /// <summary>The 1-minute load average (Linux); null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
