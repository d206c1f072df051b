using System.Collections.Concurrent;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// The live figures of the versions in each model's rollout, on this host: what <c>GET /models/{id}</c> and the
/// <c>multimodel status</c> command show beside the policy. Kept only for requests a policy chose a version for, and
/// for shadow runs, so a model without a policy costs nothing here.
/// </summary>
public sealed class RolloutFigures
{
    private readonly ConcurrentDictionary<ModelRef, VersionFigures> _versions = new();

    internal void Answered(ModelRef version, int status, double? latencyMs) => Of(version).Answered(status, latencyMs);

    internal void Shadowed(ModelRef shadow, TimeSpan duration, ShadowComparison? comparison) => Of(shadow).Shadowed(duration, comparison);

    internal void ShadowSkipped(ModelRef shadow) => Of(shadow).ShadowSkipped();

    /// <summary>Every version of <paramref name="modelId"/> with figures, or named by <paramref name="policy"/>, with its role in it.</summary>
    public IReadOnlyList<VersionFiguresView> Of(string modelId, RolloutPolicy? policy)
    {
        var versions = _versions.Keys.Where(model => model.Id == modelId).Select(model => model.Version)
            .Concat(policy?.NamedVersions ?? []).Distinct().Order();
        return versions.Select(version => (_versions.TryGetValue(new ModelRef(modelId, version), out var figures) ? figures : new VersionFigures())
            .View(version, RoleIn(policy, version))).ToArray();
    }

    private VersionFigures Of(ModelRef version) => _versions.GetOrAdd(version, static _ => new VersionFigures());

    private static string RoleIn(RolloutPolicy? policy, int version) =>
        policy is null ? "retired"
        : version == policy.Stable ? "stable"
        : version == policy.Candidate?.Version ? "candidate"
        : version == policy.Shadow?.Version ? "shadow"
        : "retired";
}
