using System.CommandLine;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Commands;

/// <summary><c>rollback</c>: remove the candidate, or with none put the previous stable version back. No version folder is deleted.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("rollback", "Remove the candidate; with no candidate, make the last previous stable version stable again. Deletes no version.");
        var id = new Option<string>("--id") { Description = "The model's id.", Required = true };
        command.Options.Add(id);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = CommandContext.ValidId(parse.GetRequiredValue(id));
            using var repository = context.OpenRepository(store.Read(parse));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var change = RolloutTransitions.Rollback(PolicyUpdate.Require(current, modelId, "roll back"));
            return await PolicyUpdate.ApplyAsync(context, repository, modelId, current, change, null, cancellationToken);
        });
        return command;
    }
}
