using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>What one <see cref="PolicyStep"/> found, decided and wrote.</summary>
/// <param name="Written">The policy written (stamped); null when the change wrote nothing.</param>
internal sealed record PolicyStepResult(CurrentPolicy Current, PolicyChange Change, RolloutPolicy? Written);
