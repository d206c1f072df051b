using MultiModel.Cli.Commands;

namespace MultiModel.Cli.Tests.Support;

/// <summary>
/// Runs the tool's verbs in process, as <c>multimodel</c> would run them, with their output captured and the world
/// around them (environment variables, clock, a host to ask) given by the test.
/// </summary>
public sealed class CliRunner
{
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public HttpMessageHandler? HostHandler { get; set; }

    public bool Terminal { get; set; }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, Variables, Time, Terminal, "tester@tests", HostHandler);
        var exitCode = await CliApp.RunAsync(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
