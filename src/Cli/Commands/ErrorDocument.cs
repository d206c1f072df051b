namespace MultiModel.Cli.Commands;

/// <summary>What <c>--json</c> writes when a verb could not do its work.</summary>
internal sealed record ErrorDocument(string Command, int ExitCode, string Error);
