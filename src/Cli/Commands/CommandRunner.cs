using System.CommandLine;
using System.Text.Json;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Tuning;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>
/// Runs a verb and turns what it throws into the tool's answer: a message (or, with <c>--json</c>, a JSON document
/// with the error) and <see cref="ExitCodes.Error"/>. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, CliEnvironment environment, Func<ParseResult, CommandContext, CancellationToken, Task<int>> action)
    {
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout instead of text." };
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(environment, command.Name, parse.GetValue(json));
            try
            {
                return await action(parse, context, cancellationToken);
            }
            catch (Exception exception) when (Describe(exception) is { } message)
            {
                context.Document(new ErrorDocument(command.Name, ExitCodes.Error, message));
                if (!context.Json)
                {
                    await environment.Error.WriteLineAsync($"error: {message}");
                }

                return ExitCodes.Error;
            }
        });
    }

    /// <summary>The message of a failure the tool expects (a store, a file, a refused change); null for a bug.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        CliException or StoreException or ConcurrentUpdateException or RolloutRefusedException or InvalidDataException or TuningException => exception.Message,
        ModelStoreUnavailableException or ModelStoreAccessDeniedException or ModelNotFoundException or ModelLoadFailedException => exception.Message,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException => exception.Message,
        HttpRequestException or TaskCanceledException => exception.Message,
        JsonException => $"Unreadable JSON: {exception.Message}",
        _ => null,
    };
}
