using System.CommandLine;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Commands;

/// <summary>
/// A verb that changes nothing but the policy (promote, rollback, advance): read it, decide the change from it, write
/// it over what was read. <paramref name="decide"/> gets the policy, the model's id and the verb's own options.
/// </summary>
internal static class PolicyCommand
{
    public delegate PolicyChange Decide(CurrentPolicy current, string modelId, ParseResult parse, CommandContext context);

    public static Command Create(CliEnvironment environment, string name, string description, Decide decide, params Option[] options)
    {
        var command = new Command(name, description);
        var id = ModelIdOption.Add(command);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = ModelIdOption.Read(parse, id);
            using var repository = context.OpenRepository(store.Read(parse));
            var step = await PolicyStep.RunAsync(repository, modelId, current => decide(current, modelId, parse, context), environment.Time, cancellationToken);
            return PolicyUpdate.Report(context, repository, modelId, step, null);
        });
        return command;
    }
}
