using System.Collections.Concurrent;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// Chooses the version a request runs. A pinned version is never redirected. Without a policy, the highest version
/// the store lists (as before rollouts). With one: the candidate for its share of callers (placed by the caller's key,
/// <see cref="CallerBuckets"/>), unless the store no longer lists it or its guardrail took it out of rotation; stable
/// for everyone else, or the highest version if stable is gone from the store (a policy must never take a model down).
/// A request may also be picked for the shadow's sample.
/// </summary>
public sealed partial class VersionSelector(
    VersionResolver versions, RolloutPolicies policies, CandidateGuardrails guardrails, Random random, ILogger<VersionSelector> logger)
{
    private readonly ConcurrentDictionary<ModelRef, byte> _warnedMissingStable = new();

    /// <param name="headers">The request's headers, where the policy's caller header is read; null for a request without any (a description).</param>
    public async ValueTask<VersionChoice> ChooseAsync(string modelId, int? pinned, IHeaderDictionary? headers, CancellationToken cancellationToken)
    {
        if (pinned is { } version)
        {
            return new VersionChoice(new ModelRef(modelId, version), VersionRole.Pinned);
        }

        // The listing first: an id the store does not have is a 404 before its policy is ever asked for.
        var listed = await versions.ListAsync(modelId, cancellationToken);
        if (listed.Count == 0)
        {
            throw new ModelNotFoundException($"Model '{modelId}' does not exist in the model store.");
        }

        if (await policies.GetAsync(modelId, cancellationToken) is not { } policy)
        {
            return new VersionChoice(new ModelRef(modelId, listed[^1]), VersionRole.Latest);
        }

        var callerKey = headers is not null && headers.TryGetValue(policy.CallerHeader, out var values) ? values.ToString() : null;
        return Choose(modelId, listed, policy, callerKey);
    }

    /// <summary>The version a request without a caller key or a pin runs by default: stable, or the highest without a policy (what a model's description shows).</summary>
    public ValueTask<VersionChoice> DefaultAsync(string modelId, CancellationToken cancellationToken) =>
        ChooseAsync(modelId, null, null, cancellationToken);

    private VersionChoice Choose(string modelId, IReadOnlyList<int> listed, RolloutPolicy policy, string? callerKey)
    {
        ModelRef? shadow = policy.Shadow is { } shadowing && listed.Contains(shadowing.Version) && random.NextDouble() * 100 < shadowing.Percent
            ? new ModelRef(modelId, shadowing.Version)
            : null;
        if (policy.Candidate is { Percent: > 0 } candidate && listed.Contains(candidate.Version)
            && guardrails.TripOf(modelId, candidate) is null
            && CallerBuckets.PointOf(modelId, callerKey, random) < candidate.Percent)
        {
            return new VersionChoice(new ModelRef(modelId, candidate.Version), VersionRole.Candidate, policy, Shadowing(shadow, candidate.Version));
        }

        if (!listed.Contains(policy.Stable))
        {
            if (_warnedMissingStable.TryAdd(new ModelRef(modelId, policy.Stable), 0))
            {
                LogStableMissing(modelId, policy.Stable, listed[^1]); // once, not on every request it affects
            }

            return new VersionChoice(new ModelRef(modelId, listed[^1]), VersionRole.Latest, policy, Shadowing(shadow, listed[^1]));
        }

        return new VersionChoice(new ModelRef(modelId, policy.Stable), VersionRole.Stable, policy, Shadowing(shadow, policy.Stable));
    }

    // A shadow of the version that answers would compare it with itself.
    private static ModelRef? Shadowing(ModelRef? shadow, int answering) => shadow?.Version == answering ? null : shadow;

    [LoggerMessage(EventName = "StableVersionMissing", Level = LogLevel.Warning,
        Message = "The rollout policy of {ModelId} names stable version {Stable}, which the store does not list; version {Serving} serves instead")]
    private partial void LogStableMissing(string modelId, int stable, int serving);
}
