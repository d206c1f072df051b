using System.Text.Json;

namespace MultiModel.Cli.Tests.Support;

/// <summary>What one run of the tool left: its exit code and what it wrote to stdout and stderr.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>stdout as the one JSON document a <c>--json</c> run writes (parsing fails the test if it is not one).</summary>
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
