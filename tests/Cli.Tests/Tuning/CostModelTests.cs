using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary>The price arithmetic against examples worked by hand (the comments show the working).</summary>
public sealed class CostModelTests
{
    private static readonly CostAssumptions OnePercentCold = new(LambdaPrices.UsEast1, ColdStartRate: 0.01, AlwaysOnHourly: 0.0416m);

    [Theory]
    [InlineData(0.0, 1)] // Lambda bills at least 1 ms
    [InlineData(0.2, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.0001, 2)] // any fraction rounds up
    [InlineData(99.5, 100)]
    public void BilledMilliseconds_RoundsUpToTheMillisecond(double milliseconds, long billed) =>
        Assert.Equal(billed, Billing.BilledMilliseconds(milliseconds));

    [Fact]
    public void Of_1024Mb_PricesRequestsDurationAndColdStartsAsWorkedByHand()
    {
        // Warm 0.2, 1.0, 1.01, 2.5 ms bill as 1, 1, 2, 3 ms: mean 1.75 ms at 1 GB = 0.00175 GB-s a request,
        // 1,750 GB-s a million: x86 1,750 x 0.0000166667 = 0.029166725, arm64 1,750 x 0.0000133334 = 0.02333345.
        // A cold start: init 100.4 ms + the model's first request 50 ms less its warm p50 (1.01, the 2nd of 4 by
        // nearest rank) = 149.39 ms, billed 150 ms = 0.15 GB-s; at 1% of a million requests, 10,000 of them:
        // x86 1,500 x 0.0000166667 = 0.02500005, arm64 1,500 x 0.0000133334 = 0.0200001.
        var measured = Measured(1024, initMs: 100.4, coldMs: 50, warmMs: [0.2, 1.0, 1.01, 2.5]);

        var x86 = CostModel.Of(measured, CpuArchitecture.X86_64, OnePercentCold)!;
        var arm64 = CostModel.Of(measured, CpuArchitecture.Arm64, OnePercentCold)!;

        Assert.Equal(0.20m, x86.Requests);
        Assert.Equal(0.029166725m, x86.Duration);
        Assert.Equal(0.02500005m, x86.ColdStarts);
        Assert.Equal(0.254166775m, x86.Total);
        Assert.Equal(0.02333345m, arm64.Duration);
        Assert.Equal(0.0200001m, arm64.ColdStarts);
        Assert.Equal(0.24333355m, arm64.Total);
    }

    [Fact]
    public void Of_512Mb_HalvesTheGbSecondsOfTheSameDurations()
    {
        // 3 ms billed as 3 at 0.5 GB = 0.0015 GB-s; a million: 1,500 x 0.0000166667 = 0.02500005, + 0.20 requests.
        var measured = Measured(512, initMs: 0, coldMs: 3, warmMs: [3, 3]);

        var cost = CostModel.Of(measured, CpuArchitecture.X86_64, OnePercentCold with { ColdStartRate = 0 })!;

        Assert.Equal(0.02500005m, cost.Duration);
        Assert.Equal(0m, cost.ColdStarts);
        Assert.Equal(0.22500005m, cost.Total);
    }

    [Fact]
    public void BreakEvenRequestsPerDay_AlwaysOnHourly_IsItsDailyPriceOverThePriceOfARequest()
    {
        // $0.0416 an hour = $0.9984 a day; a request costs 0.254166775 / 1e6: 0.9984 / 0.000000254166775 = 3,928,129.47.
        var cost = new SizeCost(0.20m, 0.029166725m, 0.02500005m);

        Assert.Equal(3_928_129.47, cost.BreakEvenRequestsPerDay(0.0416m)!.Value, 0.01);
        Assert.Null(cost.BreakEvenRequestsPerDay(null));
    }

    internal static SizeMeasurement Measured(int memoryMb, double initMs, double coldMs, double[] warmMs, int errors = 0, bool oomKilled = false)
    {
        var timings = new ModelTimings();
        timings.Add(coldMs, succeeded: true);
        foreach (var milliseconds in warmMs)
        {
            timings.Add(milliseconds, succeeded: true);
        }

        return new SizeMeasurement(
            FunctionSize.Of(memoryMb, machineCores: 2), initMs, new Dictionary<string, ModelTimings> { ["m"] = timings }, [coldMs, .. warmMs], 1 + warmMs.Length + errors,
            errors > 0 ? new Dictionary<int, int> { [507] = errors } : new Dictionary<int, int>(), errors, oomKilled, null, new CacheFigures(1, warmMs.Length, 1, 1, 0, 1), null, null, 0, 0);
    }
}
