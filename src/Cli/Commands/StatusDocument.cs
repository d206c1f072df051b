using MultiModel.Cli.Rollouts;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>What <c>status --json</c> writes.</summary>
/// <param name="Live">The version unpinned callers get apart from a candidate's share; null when the model has none.</param>
internal sealed record StatusDocument(string Id, string Location, int? Live, RolloutPolicy? Policy, IReadOnlyList<VersionStatus> Versions, HostStatus? Host)
{
    public string Command => "status";
}
