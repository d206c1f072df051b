using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary>Power Tuning's strategies over sizes priced by hand, and the sizes none of them may choose.</summary>
public sealed class StrategyTests
{
    private static readonly CostAssumptions NoColdStarts = new(LambdaPrices.UsEast1, 0, null);

    // A million requests on x86_64, $0.20 of requests each: 512 MB at 40 ms, 20,000 GB-s, $0.533334; 1024 MB at 16 ms,
    // 16,000 GB-s, $0.4666672 (the cheapest); 2048 MB at 9 ms, 18,000 GB-s, $0.5000006.
    private static readonly IReadOnlyList<SizeResult> Sizes =
    [
        Result(512, 40),
        Result(1024, 16),
        Result(2048, 9),
    ];

    [Theory]
    [InlineData(Strategy.Cost, 0.5, 1024)]
    [InlineData(Strategy.Speed, 0.5, 2048)]
    [InlineData(Strategy.Balanced, 1.0, 1024)] // weight 1 is cost
    [InlineData(Strategy.Balanced, 0.0, 2048)] // weight 0 is speed
    // weight 0.5, cost over the max ($0.533334) and duration over the max (40 ms): 512 0.5 + 0.5 = 1; 1024 0.4375 + 0.2
    // = 0.6375; 2048 0.46875 + 0.1125 = 0.58125: the fastest wins by a little.
    [InlineData(Strategy.Balanced, 0.5, 2048)]
    // weight 0.8: 1024 0.7 + 0.08 = 0.78; 2048 0.75 + 0.045 = 0.795: now the cheaper.
    [InlineData(Strategy.Balanced, 0.8, 1024)]
    public void Choose_ThreeSizes_PicksAsWorkedByHand(string strategy, double weight, int expectedMb) =>
        Assert.Equal(expectedMb, Strategy.Choose(strategy, Sizes, CpuArchitecture.X86_64, weight)!.Measured.Size.MemoryMb);

    [Fact]
    public void Choose_CheapestSizeHadErrorsOrWasKilled_IsNeverChosen()
    {
        var sizes = new[]
        {
            SizeResult.Of(CostModelTests.Measured(512, 1, 2, [2, 2], errors: 3), NoColdStarts, 0.9),
            SizeResult.Of(CostModelTests.Measured(768, 1, 2, [2, 2], oomKilled: true), NoColdStarts, 0.9),
            Result(1024, 16),
        };

        Assert.Equal(1024, Strategy.Choose(Strategy.Cost, sizes, CpuArchitecture.Arm64, 0.5)!.Measured.Size.MemoryMb);
        Assert.Contains(sizes[0].Warnings, warning => warning.Contains("3 of 6 requests failed (3 x 507)", StringComparison.Ordinal));
        Assert.Contains(sizes[1].Warnings, warning => warning.Contains("OOM", StringComparison.Ordinal));
    }

    [Fact]
    public void Choose_NoSizeServedTheWorkload_ChoosesNone() =>
        Assert.Null(Strategy.Choose(Strategy.Cost, [SizeResult.Of(CostModelTests.Measured(512, 1, 2, [2], errors: 1), NoColdStarts, 0.9)], CpuArchitecture.X86_64, 0.5));

    private static SizeResult Result(int memoryMb, double warmMs) =>
        SizeResult.Of(CostModelTests.Measured(memoryMb, 0, warmMs, [warmMs, warmMs]), NoColdStarts, 0.9);
}
