using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>What a verb does to a model's rollout policy.</summary>
/// <param name="Policy">The policy to write; null when nothing changes.</param>
/// <param name="Action">One word for pipelines: rollout, shadow, promoted, rolled-back, advanced, none.</param>
/// <param name="Summary">What it means for callers, in a sentence.</param>
internal sealed record PolicyChange(RolloutPolicy? Policy, string Action, string Summary)
{
    public static PolicyChange None(string why) => new(null, "none", why);
}
