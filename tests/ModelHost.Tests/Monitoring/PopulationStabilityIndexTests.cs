using MultiModel.ModelHost.Monitoring;

namespace MultiModel.ModelHost.Tests.Monitoring;

public sealed class PopulationStabilityIndexTests
{
    [Fact]
    public void Compute_SameDistributionAsCountsAndFractions_IsZero() =>
        Assert.Equal(0, PopulationStabilityIndex.Compute([0.25, 0.5, 0.25, 0], [10, 20, 10, 0]), precision: 12);

    [Fact]
    public void Compute_HalfAndHalfAgainstNineToOne_IsTheTextbookSum()
    {
        // (0.9 - 0.5) ln(0.9 / 0.5) + (0.1 - 0.5) ln(0.1 / 0.5)
        var expected = (0.4 * Math.Log(1.8)) + (-0.4 * Math.Log(0.2));

        Assert.Equal(expected, PopulationStabilityIndex.Compute([1, 1], [9, 1]), precision: 12);
    }

    [Fact]
    public void Compute_BinEmptyOnOneSide_CountsTheFloorInsteadOfInfinity()
    {
        var floor = PopulationStabilityIndex.EmptyBinFraction;
        var expected = ((0.5 - 1) * Math.Log(0.5 / 1)) + ((0.5 - floor) * Math.Log(0.5 / floor));

        Assert.Equal(expected, PopulationStabilityIndex.Compute([4, 0], [2, 2]), precision: 12);
    }

    [Fact]
    public void Compute_EmptyHistogram_IsRefused() =>
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([1, 1], [0, 0]));
}
