using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>
/// One change to one model's policy, start to end: read it, decide the change from what was read, and write it over
/// exactly that. The policy verbs and the Lambda advancer both take this path, so a scheduled step is the step
/// <c>advance</c> makes by hand, not a copy of it.
/// </summary>
internal static class PolicyStep
{
    public static async Task<PolicyStepResult> RunAsync(
        IModelRepository repository, string modelId, Func<CurrentPolicy, PolicyChange> decide, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
        var change = decide(current);
        var written = await WriteAsync(repository, modelId, current, change, time, cancellationToken);
        return new PolicyStepResult(current, change, written);
    }

    /// <summary>The change written over <paramref name="current"/>; null (and nothing written) when it changes nothing.</summary>
    public static async Task<RolloutPolicy?> WriteAsync(
        IModelRepository repository, string modelId, CurrentPolicy current, PolicyChange change, TimeProvider time, CancellationToken cancellationToken) =>
        change.Policy is { } next
            ? await new PolicyEditor(repository, time).WriteAsync(modelId, next, current, cancellationToken)
            : null;
}
