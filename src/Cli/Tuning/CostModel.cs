namespace MultiModel.Cli.Tuning;

/// <summary>
/// Prices what a size did (<see cref="SizeMeasurement"/>) as Lambda bills it: each request's duration rounded up to
/// 1 ms, times the memory in GB, times the architecture's GB-second price, plus the request charge. Unlike Power
/// Tuning, the request charge is counted, and so are cold starts, at the rate the caller gives.
/// </summary>
internal static class CostModel
{
    /// <summary>The price of a million requests of the whole workload at this size; null when nothing was served.</summary>
    public static SizeCost? Of(SizeMeasurement measured, CpuArchitecture architecture, CostAssumptions assumptions)
    {
        // Warm: every answered request after each model's first, as the replay saw them (reloads after evictions included).
        var warm = measured.Models.Values.SelectMany(model => model.WarmMs).ToList();
        if (warm.Count == 0 || measured.InitMs is not { } init)
        {
            return null;
        }

        var price = assumptions.Prices.PerGbSecond(architecture);
        var durationPerRequest = warm.Average(milliseconds => Billing.GbSeconds(measured.Size.MemoryMb, milliseconds)) * price;
        var coldStart = ColdStartGbSeconds(measured, init) * price;
        return new SizeCost(
            assumptions.Prices.PerMillionRequests,
            durationPerRequest * 1_000_000m,
            coldStart * (decimal)assumptions.ColdStartRate * 1_000_000m);
    }

    /// <summary>One model's requests, served warm: the request charge and their billed duration (cold starts are the workload's, not a model's).</summary>
    public static SizeCost? OfModel(ModelTimings model, int memoryMb, CpuArchitecture architecture, LambdaPrices prices) =>
        model.WarmMs.Count == 0 ? null
            : new SizeCost(prices.PerMillionRequests, model.WarmMs.Average(milliseconds => Billing.GbSeconds(memoryMb, milliseconds)) * prices.PerGbSecond(architecture) * 1_000_000m, 0);

    /// <summary>
    /// What a new execution environment costs beyond the requests it serves: its init, billed (a container image's
    /// always is), and for each model the first request's extra over a warm one (its load from the store).
    /// </summary>
    private static decimal ColdStartGbSeconds(SizeMeasurement measured, double initMs)
    {
        var extraMs = measured.Models.Values
            .Where(model => model.ColdMs is not null)
            .Sum(model => Math.Max(0, model.ColdMs!.Value - (Percentiles.Of(model.WarmMs, 50) ?? 0)));
        return Billing.GbSeconds(measured.Size.MemoryMb, initMs + extraMs);
    }
}
