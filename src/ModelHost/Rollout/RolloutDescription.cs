using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>A model's rollout as this host sees it, in <c>GET /models/{id}</c>.</summary>
/// <param name="Policy">The policy in force; null when the model has none.</param>
/// <param name="PolicyProblems">Why the policy in the store now was refused (the one in force is the last good one); empty when it was not.</param>
/// <param name="CandidateOutOfRotation">Why this host took the candidate out of rotation; null while it is in.</param>
/// <param name="Versions">Each version's figures on this host, with its role in the policy.</param>
public sealed record RolloutDescription(
    RolloutPolicy? Policy, IReadOnlyList<string> PolicyProblems, CandidateTrip? CandidateOutOfRotation, IReadOnlyList<VersionFiguresView> Versions);
