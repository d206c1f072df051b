using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>
/// How a model's unpinned traffic is split between its versions, kept in the store beside them as
/// <c>{id}/rollout.json</c> (docs/rollout.md). Without one a request that names no version gets the highest, as
/// before rollouts existed. A request that pins a version always gets that version, whatever the policy says.
/// </summary>
/// <param name="Stable">The version unpinned callers get, apart from the candidate's share.</param>
/// <param name="Candidate">A version being rolled out to a share of the unpinned callers; null when none is.</param>
/// <param name="Shadow">A version that runs on a sampled copy of the inputs, its answers compared and never returned.</param>
/// <param name="CallerHeader">The request header whose value keeps one caller on one version (hashed).</param>
/// <param name="PreviousStable">Versions that were stable before, oldest first: where <c>rollback</c> goes back to.</param>
public sealed record RolloutPolicy(
    [property: JsonPropertyName("stable")] int Stable,
    [property: JsonPropertyName("candidate")] CandidateRollout? Candidate = null,
    [property: JsonPropertyName("shadow")] ShadowRollout? Shadow = null,
    [property: JsonPropertyName("callerHeader")] string CallerHeader = RolloutPolicy.DefaultCallerHeader,
    [property: JsonPropertyName("guardrails")] RolloutGuardrails? Guardrails = null,
    [property: JsonPropertyName("previousStable")] IReadOnlyList<int>? PreviousStable = null,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The policy's object name in a model's folder.</summary>
    public const string FileName = "rollout.json";

    /// <summary>As in the Router's examples, so one caller key serves both.</summary>
    public const string DefaultCallerHeader = "X-Caller-Id";

    /// <summary>The guardrails in force: the policy's own, or the defaults.</summary>
    [JsonIgnore]
    public RolloutGuardrails GuardrailsOrDefault => Guardrails ?? RolloutGuardrails.Default;

    /// <summary>Every version the policy names, for checking that each exists.</summary>
    [JsonIgnore]
    public IEnumerable<int> NamedVersions =>
        new[] { Stable }.Concat(Candidate is { } candidate ? [candidate.Version] : []).Concat(Shadow is { } shadow ? [shadow.Version] : []);
}
