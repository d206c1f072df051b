using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// Chooses the version a request runs. A pinned version is never redirected. Without a policy, the highest version
/// the store lists (as before rollouts). With one: the candidate for its share of callers (placed by the caller's key,
/// <see cref="CallerBuckets"/>), unless the store no longer lists it or its guardrail took it out of rotation; stable
/// for everyone else, or the highest version if stable is gone from the store (a policy must never take a model down).
/// A request may also be picked for the shadow's sample. When the version chosen cannot serve, <see cref="FallBackAsync"/>
/// says what runs instead, so that a corrupt upload never takes a model down either.
/// </summary>
public sealed partial class VersionSelector(
    VersionResolver versions, RolloutPolicies policies, CandidateGuardrails guardrails, RolloutMetrics metrics, Random random, ILogger<VersionSelector> logger)
{
    /// <summary>Versions tried after the chosen one at most, so that a model with many broken versions fails in bounded time.</summary>
    public const int MaxFallbacks = 3;

    private readonly ConcurrentDictionary<ModelRef, byte> _warnedMissingStable = new();
    private readonly ConcurrentDictionary<ModelRef, string> _unloadable = new();

    // Read on every served request: ConcurrentDictionary.IsEmpty takes all its locks when the dictionary is empty, as it
    // nearly always is, so a count of its own keeps that check a plain read.
    private int _unloadableCount;

    /// <param name="headers">
    /// The request's headers, where the policy's caller header is read; null for what is not a prediction (a model's
    /// description, a prewarm): it gets the default version, stable, never the candidate or a shadow.
    /// </param>
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

        if (headers is null)
        {
            return Stable(modelId, listed, policy, shadow: null);
        }

        var callerKey = headers.TryGetValue(policy.CallerHeader, out var values) ? values.ToString() : null;
        return Choose(modelId, listed, policy, callerKey);
    }

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

        return Stable(modelId, listed, policy, shadow);
    }

    /// <summary>Stable, or the highest version when the store no longer lists stable (a policy must never take a model down).</summary>
    private VersionChoice Stable(string modelId, IReadOnlyList<int> listed, RolloutPolicy policy, ModelRef? shadow)
    {
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

    /// <summary>
    /// What an unpinned request runs instead when its version cannot serve; null when nothing else can (the request
    /// fails as it did). A version that failed to load gives way to the next lower one the store lists that has not
    /// failed too (a candidate to stable): warned once, counted, and shown in the model's description until it loads.
    /// A version the store no longer has (deleted after the listing was kept) makes the listing be read again at once.
    /// </summary>
    public async ValueTask<VersionChoice?> FallBackAsync(VersionChoice failed, Exception failure, IHeaderDictionary? headers, CancellationToken cancellationToken)
    {
        var (modelId, version) = (failed.Model.Id, failed.Model.Version);
        if (failed.Role == VersionRole.Pinned)
        {
            return null;
        }

        if (failure is ModelNotFoundException)
        {
            versions.Forget(modelId);
            var again = await ChooseAsync(modelId, null, headers, cancellationToken);
            return again.Model == failed.Model ? null : again;
        }

        if (failure is not ModelLoadFailedException)
        {
            return null;
        }

        if (_unloadable.TryAdd(failed.Model, failure.Message))
        {
            Interlocked.Increment(ref _unloadableCount);
            LogPassedOver(modelId, version, failure.Message);
            metrics.VersionPassedOver(failed.Model);
        }

        if (failed.Role == VersionRole.Candidate)
        {
            guardrails.Record(failed, serverError: true, latencyMs: null); // a candidate that cannot load is taken out like one that fails
        }

        var listed = await versions.ListAsync(modelId, cancellationToken);
        int? next = failed is { Role: VersionRole.Candidate, Policy: { } policy } && listed.Contains(policy.Stable) && !_unloadable.ContainsKey(new(modelId, policy.Stable))
            ? policy.Stable
            : listed.Where(lower => lower < version && !_unloadable.ContainsKey(new(modelId, lower))).Select(lower => (int?)lower).LastOrDefault();
        return next is { } instead
            ? failed with { Model = new ModelRef(modelId, instead), Role = failed.Role == VersionRole.Candidate ? VersionRole.Stable : failed.Role, Shadow = Shadowing(failed.Shadow, instead) }
            : null;
    }

    /// <summary>
    /// Runs <paramref name="acquire"/> on the chosen version and, while that fails because the version failed to load or
    /// has gone from the store, on what <see cref="FallBackAsync"/> names instead (never for a pinned version), at most
    /// <see cref="MaxFallbacks"/> times: one loop for predictions and descriptions alike. Returns the version served.
    /// </summary>
    public async Task<VersionChoice> AcquireWithFallbackAsync(
        VersionChoice choice, IHeaderDictionary? headers, Func<VersionChoice, Task> acquire, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            ExceptionDispatchInfo failure;
            try
            {
                await acquire(choice);
                Served(choice.Model);
                return choice;
            }
            catch (Exception exception) when (attempt <= MaxFallbacks && exception is ModelLoadFailedException or ModelNotFoundException)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }

            var instead = await FallBackAsync(choice, failure.SourceException, headers, cancellationToken);
            if (instead is null)
            {
                failure.Throw();
            }

            choice = instead.Value;
        }
    }

    /// <summary>A version served: if it was passed over before, it loads now and is no longer shown as unloadable.</summary>
    private void Served(ModelRef model)
    {
        if (Volatile.Read(ref _unloadableCount) > 0 && _unloadable.TryRemove(model, out _))
        {
            Interlocked.Decrement(ref _unloadableCount);
            LogLoadsAgain(model.Id, model.Version);
        }
    }

    /// <summary>The versions of a model passed over because they failed to load; empty normally.</summary>
    public IReadOnlyList<UnloadableVersion> Unloadable(string modelId) => Volatile.Read(ref _unloadableCount) == 0 ? []
        : _unloadable.Where(pair => pair.Key.Id == modelId).Select(pair => new UnloadableVersion(pair.Key.Version, pair.Value)).OrderBy(v => v.Version).ToArray();

    // A shadow of the version that answers would compare it with itself.
    private static ModelRef? Shadowing(ModelRef? shadow, int answering) => shadow?.Version == answering ? null : shadow;

    [LoggerMessage(EventName = "VersionPassedOver", Level = LogLevel.Warning,
        Message = "{ModelId} v{Version} failed to load and unpinned requests get a lower version until it loads: {Reason}")]
    private partial void LogPassedOver(string modelId, int version, string reason);

    [LoggerMessage(EventName = "VersionLoadsAgain", Level = LogLevel.Information, Message = "{ModelId} v{Version} loads again and serves")]
    private partial void LogLoadsAgain(string modelId, int version);

    [LoggerMessage(EventName = "StableVersionMissing", Level = LogLevel.Warning,
        Message = "The rollout policy of {ModelId} names stable version {Stable}, which the store does not list; version {Serving} serves instead")]
    private partial void LogStableMissing(string modelId, int stable, int serving);
}
