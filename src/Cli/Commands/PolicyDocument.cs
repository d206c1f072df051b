using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>What rollout, promote, rollback and advance write with <c>--json</c>: what they did and the policy now in force.</summary>
/// <param name="Action">rollout, shadow, promoted, rolled-back, advanced or none.</param>
/// <param name="Validation">The gates a version without publish.json had to pass before its rollout; null otherwise.</param>
internal sealed record PolicyDocument(string Command, string Action, string Summary, bool Changed, RolloutPolicy? Policy, ValidationReport? Validation = null);
