using System.CommandLine;
using MultiModel.Cli.Rollouts;

namespace MultiModel.Cli.Commands;

/// <summary><c>rollback</c>: remove the candidate, or with none put the previous stable version back. No version folder is deleted.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliEnvironment environment) => PolicyCommand.Create(
        environment, "rollback", "Remove the candidate; with no candidate, make the last previous stable version stable again. Deletes no version.",
        (current, modelId, _, _) => RolloutTransitions.Rollback(PolicyUpdate.Require(current, modelId, "roll back")));
}
