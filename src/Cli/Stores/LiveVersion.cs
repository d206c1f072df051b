using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Stores;

/// <summary>
/// The version that unpinned callers get now, as a host decides it: the policy's stable version when the model has a
/// rollout.json, else the highest version (<see cref="Ref"/>), with the reason in words.
/// </summary>
internal sealed record LiveVersion(ModelRef Ref, string Reason)
{
    /// <summary>Null when the model has no version yet: a first version has nothing to be compared with.</summary>
    public static async Task<LiveVersion?> FindAsync(IModelRepository repository, string modelId, CurrentPolicy current, CancellationToken cancellationToken)
    {
        if (current.Policy is { } policy)
        {
            return new LiveVersion(new ModelRef(modelId, policy.Stable), $"stable in {RolloutPolicy.FileName}");
        }

        var versions = await repository.Store.ListVersionsAsync(modelId, cancellationToken);
        return versions.Count == 0 ? null : new LiveVersion(new ModelRef(modelId, versions[^1]), $"the highest version, no {RolloutPolicy.FileName}");
    }
}
