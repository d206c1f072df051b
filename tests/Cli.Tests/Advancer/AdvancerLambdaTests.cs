using Microsoft.Extensions.Time.Testing;
using MultiModel.Cli.Advancer;
using MultiModel.Cli.Commands;

namespace MultiModel.Cli.Tests.Advancer;

/// <summary>The entry as the tests' build has it: without -p:LambdaHosting=true (deploy/tests checks the build with it).</summary>
public sealed class AdvancerLambdaTests
{
    [Fact]
    public async Task RunAsync_BuildWithoutLambdaHosting_ExitsWithTwoSayingSo()
    {
        var (exitCode, error) = await RunAsync(AdvancerLambda.Mode);

        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains("lacks Lambda hosting", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownMode_ExitsWithTwoNamingTheOneMode()
    {
        var (exitCode, error) = await RunAsync("serve");

        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains("'serve' is not a mode of this tool; the only one is 'advance'", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string mode)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AdvancerLambda.ModeVariable] = mode,
            [AdvancerLambda.AlarmPrefixVariable] = "MultiModel-",
            [AdvancerLambda.RuntimeApiVariable] = "127.0.0.1:9",
        };
        var environment = new CliEnvironment(output, error, variables, new FakeTimeProvider(), false, "tester@tests");
        var exitCode = await AdvancerLambda.RunAsync(environment);
        return (exitCode, error.ToString());
    }
}
