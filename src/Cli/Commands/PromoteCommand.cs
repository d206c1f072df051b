using System.CommandLine;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Commands;

/// <summary><c>promote</c>: the candidate becomes stable; the old stable version is kept as the one to roll back to.</summary>
internal static class PromoteCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("promote", "Make the candidate the stable version (the old stable is appended to previousStable).");
        var id = new Option<string>("--id") { Description = "The model's id.", Required = true };
        command.Options.Add(id);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = CommandContext.ValidId(parse.GetRequiredValue(id));
            using var repository = context.OpenRepository(store.Read(parse));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var change = RolloutTransitions.Promote(PolicyUpdate.Require(current, modelId, "promote"));
            return await PolicyUpdate.ApplyAsync(context, repository, modelId, current, change, null, cancellationToken);
        });
        return command;
    }
}
