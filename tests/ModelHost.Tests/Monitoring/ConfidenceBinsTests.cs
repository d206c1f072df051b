using MultiModel.ModelHost.Monitoring;

namespace MultiModel.ModelHost.Tests.Monitoring;

public sealed class ConfidenceBinsTests
{
    [Theory]
    [InlineData(0f, 0)]
    [InlineData(0.0999f, 0)]
    [InlineData(0.1f, 1)]
    [InlineData(0.55f, 5)]
    [InlineData(0.9999f, 9)]
    [InlineData(1f, 9)]
    [InlineData(-3f, 0)]
    [InlineData(7f, 9)]
    [InlineData(float.NegativeInfinity, 0)]
    [InlineData(float.PositiveInfinity, 9)]
    [InlineData(float.NaN, -1)]
    public void Of_Score_IsItsTenthOfTheUnitInterval(float score, int bin) => Assert.Equal(bin, ConfidenceBins.Of(score));
}
