using System.CommandLine;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Commands;

/// <summary>
/// <c>advance</c>: the scheduled step of a rollout, run after each bake time (by a schedule, or by hand) with the state
/// of the candidate's alarm: quiet, the next step (at 100%, promote); firing, roll back.
/// </summary>
internal static class AdvanceCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("advance", "Move a scheduled rollout to its next step once its bake time is over (promote at 100%); roll back when --alarm alarm.");
        var id = new Option<string>("--id") { Description = "The model's id.", Required = true };
        var alarm = new Option<string>("--alarm") { Description = "The candidate's alarm state: ok or alarm.", DefaultValueFactory = _ => "ok" };
        alarm.AcceptOnlyFromAmong("ok", "alarm");
        command.Options.Add(id);
        command.Options.Add(alarm);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = CommandContext.ValidId(parse.GetRequiredValue(id));
            using var repository = context.OpenRepository(store.Read(parse));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var change = RolloutSchedule.Advance(current.Policy, parse.GetValue(alarm) == "alarm", context.Now);
            return await PolicyUpdate.ApplyAsync(context, repository, modelId, current, change, null, cancellationToken);
        });
        return command;
    }
}
