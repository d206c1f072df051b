using MultiModel.Cli.Tests.Support;

namespace MultiModel.Cli.Tests;

public sealed class CliAppTests
{
    private readonly CliRunner _cli = new();

    [Theory]
    [InlineData]
    [InlineData("nope")]
    [InlineData("validate")]
    [InlineData("rollout", "--id", "clf", "--candidate", "two")]
    public async Task RunAsync_UsageError_ExitsWithTwoAndPointsToHelp(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("multimodel --help", result.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("publish", "--help")]
    public async Task RunAsync_Help_ExitsWithZeroListingTheVerbsOrOptions(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(args.Length == 1 ? "advance" : "--part-size-mb", result.Out);
    }

    [Fact]
    public async Task RunAsync_UsageErrorWithJson_WritesTheErrorAsOneDocument()
    {
        var result = await _cli.RunAsync("promote", "--json", "--store", "ftp");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("promote", result.Json.GetProperty("command").GetString());
        Assert.Contains("--id", result.Json.GetProperty("error").GetString());
    }
}
