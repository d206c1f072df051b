using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>
/// Writes a model's rollout.json: stamped with <c>updatedAt</c>, checked with the format's own rules
/// (<see cref="RolloutPolicyJson.Problems"/>) and against the versions the store has, and written only over the policy
/// that was read (an ETag condition on S3, a compare under a lock on a folder), so two writers cannot lose an update.
/// </summary>
internal sealed class PolicyEditor(IModelRepository repository, TimeProvider time)
{
    public async Task<RolloutPolicy> WriteAsync(string modelId, RolloutPolicy policy, CurrentPolicy current, CancellationToken cancellationToken)
    {
        var stamped = policy with { UpdatedAt = time.GetUtcNow() };
        var problems = RolloutPolicyJson.Problems(stamped).ToList();
        var versions = await repository.Store.ListVersionsAsync(modelId, cancellationToken);
        problems.AddRange(stamped.NamedVersions.Distinct().Where(version => !versions.Contains(version))
            .Select(version => $"version {version} is not in the store (versions: {(versions.Count == 0 ? "none" : string.Join(", ", versions))})."));
        if (problems.Count > 0)
        {
            throw new RolloutRefusedException($"The new {RolloutPolicy.FileName} would not be valid, so nothing was written: {string.Join(" ", problems)}");
        }

        await repository.WritePolicyAsync(modelId, RolloutPolicyJson.Write(stamped), current.Stored, cancellationToken);
        return stamped;
    }
}
