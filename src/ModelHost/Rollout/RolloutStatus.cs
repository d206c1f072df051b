namespace MultiModel.ModelHost.Rollout;

/// <summary>Puts together what this host knows of a model's rollout: the policy in force, its refused successor, the guardrail, the figures.</summary>
public sealed class RolloutStatus(RolloutPolicies policies, CandidateGuardrails guardrails, RolloutFigures figures)
{
    /// <summary>Null for a model with no policy and no figures: nothing to show.</summary>
    public async Task<RolloutDescription?> DescribeAsync(string modelId, CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(modelId, cancellationToken);
        var problems = policies.RejectedProblems(modelId);
        var versions = figures.Of(modelId, policy);
        if (policy is null && problems.Count == 0 && versions.Count == 0)
        {
            return null;
        }

        var trip = policy?.Candidate is { } candidate ? guardrails.TripOf(modelId, candidate) : null;
        return new RolloutDescription(policy, problems, trip, versions);
    }
}
