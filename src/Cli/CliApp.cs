using System.CommandLine;
using MultiModel.Cli.Commands;

namespace MultiModel.Cli;

/// <summary>The <c>multimodel</c> tool: its verbs, and the exit codes every one of them keeps (<see cref="ExitCodes"/>).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Validate, publish and roll out model versions for MultiModel hosts (docs/rollout.md), and size their functions (tune, docs/cost.md).")
        {
            ValidateCommand.Create(environment),
            PublishCommand.Create(environment),
            RolloutCommand.Create(environment),
            PromoteCommand.Create(environment),
            RollbackCommand.Create(environment),
            AdvanceCommand.Create(environment),
            StatusCommand.Create(environment),
            TuneCommand.Create(environment),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine answers a usage error with 1, which this tool keeps for a failed gate.
            foreach (var error in parsed.Errors)
            {
                await environment.Error.WriteLineAsync(error.Message);
            }

            await environment.Error.WriteLineAsync("Run 'multimodel --help' (or '<verb> --help') for usage.");
            if (args.Contains("--json"))
            {
                new CommandContext(environment, parsed.CommandResult.Command.Name, json: true)
                    .Document(new ErrorDocument(parsed.CommandResult.Command.Name, ExitCodes.Error, string.Join(" ", parsed.Errors.Select(error => error.Message))));
            }

            return ExitCodes.Error;
        }

        var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }
}
