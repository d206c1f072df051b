using System.CommandLine;
using MultiModel.Cli.Rollouts;

namespace MultiModel.Cli.Commands;

/// <summary><c>promote</c>: the candidate becomes stable; the old stable version is kept as the one to roll back to.</summary>
internal static class PromoteCommand
{
    public static Command Create(CliEnvironment environment) => PolicyCommand.Create(
        environment, "promote", "Make the candidate the stable version (the old stable is appended to previousStable).",
        (current, modelId, _, _) => RolloutTransitions.Promote(PolicyUpdate.Require(current, modelId, "promote")));
}
