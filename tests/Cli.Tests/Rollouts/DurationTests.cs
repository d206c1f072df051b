using MultiModel.Cli.Rollouts;

namespace MultiModel.Cli.Tests.Rollouts;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("00:10:00", 600)]
    public void TryParse_WrittenDuration_IsItsSeconds(string text, int seconds)
    {
        Assert.True(Duration.TryParse(text, out var parsed));
        Assert.Equal(seconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10x")]
    [InlineData("m10")]
    [InlineData("-5")]
    [InlineData("10m ")]
    public void TryParse_Other_IsRefused(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData(600, "10m")]
    [InlineData(5430, "1h30m30s")]
    [InlineData(0, "0s")]
    public void Describe_Seconds_IsShort(int seconds, string text) => Assert.Equal(text, Duration.Describe(seconds));
}
