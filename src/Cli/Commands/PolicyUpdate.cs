using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>The end every policy verb shares: the change written (or not), then said in words and in <c>--json</c>.</summary>
internal static class PolicyUpdate
{
    public static async Task<int> ApplyAsync(
        CommandContext context, IModelRepository repository, string modelId, CurrentPolicy current, PolicyChange change,
        Validation.ValidationReport? validation, CancellationToken cancellationToken)
    {
        var written = await PolicyStep.WriteAsync(repository, modelId, current, change, context.Environment.Time, cancellationToken);
        return Report(context, repository, modelId, new PolicyStepResult(current, change, written), validation);
    }

    /// <summary>A step already taken (<see cref="PolicyStep"/>), said in words and in <c>--json</c>.</summary>
    public static int Report(CommandContext context, IModelRepository repository, string modelId, PolicyStepResult step, Validation.ValidationReport? validation)
    {
        context.Document(new PolicyDocument(context.Verb, step.Change.Action, step.Change.Summary, step.Written is not null, step.Written ?? step.Current.Policy, validation));
        context.Line($"{context.Verb} '{modelId}': {step.Change.Summary}");
        if (step.Written is not null)
        {
            context.Line($"wrote {modelId}/{RolloutPolicy.FileName} in {repository.Location}; hosts apply it within their RevalidateAfter");
        }

        return ExitCodes.Success;
    }

    /// <summary>The policy a verb changes; a model without one has nothing to promote, roll back or advance.</summary>
    public static RolloutPolicy Require(CurrentPolicy current, string modelId, string verb) =>
        current.Policy ?? throw new CliException($"'{modelId}' has no {RolloutPolicy.FileName}: nothing to {verb} (unpinned callers get its highest version).");
}
