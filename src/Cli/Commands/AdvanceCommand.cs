using System.CommandLine;
using MultiModel.Cli.Rollouts;

namespace MultiModel.Cli.Commands;

/// <summary>
/// <c>advance</c>: the scheduled step of a rollout, run after each bake time (by a schedule, or by hand) with the state
/// of the candidate's alarm: quiet, the next step (at 100%, promote); firing, roll back.
/// </summary>
internal static class AdvanceCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var alarm = new Option<string>("--alarm") { Description = "The candidate's alarm state: ok or alarm.", DefaultValueFactory = _ => "ok" };
        alarm.AcceptOnlyFromAmong("ok", "alarm");
        return PolicyCommand.Create(
            environment, "advance", "Move a scheduled rollout to its next step once its bake time is over (promote at 100%); roll back when --alarm alarm.",
            (current, _, parse, context) => RolloutSchedule.Advance(current.Policy, parse.GetValue(alarm) == "alarm", context.Now),
            alarm);
    }
}
