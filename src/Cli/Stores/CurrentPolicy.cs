using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Stores;

/// <summary>A model's rollout policy as it is now: null when it has none, with what a write must replace.</summary>
internal sealed record CurrentPolicy(RolloutPolicy? Policy, StoredPolicy? Stored)
{
    public static async Task<CurrentPolicy> ReadAsync(IModelRepository repository, string modelId, CancellationToken cancellationToken)
    {
        var stored = await repository.ReadPolicyAsync(modelId, cancellationToken);
        if (stored is null)
        {
            return new CurrentPolicy(null, null);
        }

        // A policy with problems is one the host refuses (it keeps its last good one); the tool will not build on it.
        return RolloutPolicyJson.TryRead(stored.Json, out var problems) is { } policy
            ? new CurrentPolicy(policy, stored)
            : throw new StoreException($"{modelId}/{RolloutPolicy.FileName} in {repository.Location} has problems, so hosts ignore it: {string.Join(" ", problems)} Fix or remove it first.");
    }
}
