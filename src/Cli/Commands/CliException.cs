namespace MultiModel.Cli.Commands;

/// <summary>A failure the tool explains in one message and answers with <see cref="ExitCodes.Error"/>: usage, a file, a store.</summary>
internal sealed class CliException(string message, Exception? inner = null) : Exception(message, inner);
