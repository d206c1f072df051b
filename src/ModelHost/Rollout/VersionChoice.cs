using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>The version a request runs, why, and the version to run in its shadow, if this request is in the shadow's sample.</summary>
/// <param name="Policy">The policy in force when it was chosen; null without one.</param>
public readonly record struct VersionChoice(ModelRef Model, VersionRole Role, RolloutPolicy? Policy = null, ModelRef? Shadow = null);
