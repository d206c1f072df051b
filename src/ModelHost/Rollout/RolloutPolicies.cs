using System.Collections.Concurrent;
using System.IO.Hashing;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// Each model's rollout policy as the store holds it, with the freshness of its versions (<see cref="VersionResolver"/>):
/// trusted for <see cref="ModelCacheOptions.RevalidateAfter"/>, then served at once while one read refreshes it, so a
/// policy change takes effect within that interval, with no restart, and a known policy serves through a store outage.
/// A policy with problems is never applied: the last good one stays (none, before any), and the problems are logged
/// once per content. A model whose policy cannot be read before any was known runs as if it had none (its highest
/// version), and says so in the log.
/// </summary>
public sealed partial class RolloutPolicies(IModelStore store, IOptions<ModelCacheOptions> options, TimeProvider time, ILogger<RolloutPolicies> logger)
{
    private readonly ConcurrentDictionary<string, KnownPolicy> _models = new(StringComparer.Ordinal);

    /// <summary>The policy in force for <paramref name="modelId"/>; null when it has none. Call only for models the store lists.</summary>
    public async ValueTask<RolloutPolicy?> GetAsync(string modelId, CancellationToken cancellationToken)
    {
        var model = _models.GetOrAdd(modelId, static _ => new KnownPolicy());
        Task<RolloutPolicy?> reading;
        lock (model)
        {
            var now = time.GetUtcNow();
            if (model.ReadAt is { } readAt && now - readAt < options.Value.RevalidateAfter)
            {
                return model.Policy;
            }

            if (now < model.RetryAt)
            {
                return model.Policy; // recently unreadable: not asked again by every request (none, before any was read)
            }

            reading = model.Reading ??= ReadInBackground(modelId, model);
            if (model.ReadAt is not null)
            {
                return model.Policy; // stale, while the read started above refreshes it
            }
        }

        try
        {
            return await reading.WaitAsync(options.Value.MaxStoreWait, time, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            LogUnreadable(modelId, exception.GetType().Name, exception.Message); // the read goes on, and a later request may find it done
            return null;
        }
    }

    /// <summary>The problems of the stored policy that was refused, if the one in the store now is refused.</summary>
    public IReadOnlyList<string> RejectedProblems(string modelId) =>
        _models.TryGetValue(modelId, out var model) ? model.RejectedProblems : [];

    private async Task<RolloutPolicy?> ReadInBackground(string modelId, KnownPolicy model)
    {
        await Task.Yield(); // the caller holds the model's lock; the read must not run under it
        try
        {
            var bytes = await store.ReadRolloutPolicyAsync(modelId, CancellationToken.None);
            IReadOnlyList<string> problems = [];
            var policy = bytes is null ? null : RolloutPolicyJson.TryRead(bytes, out problems);
            lock (model)
            {
                if (problems.Count > 0)
                {
                    Reject(modelId, model, XxHash3.HashToUInt64(bytes!), problems); // and the last good policy stays
                }
                else
                {
                    (model.Policy, model.RejectedHash, model.RejectedProblems) = (policy, 0, []);
                }

                model.ReadAt = time.GetUtcNow();
                model.Reading = null;
                return model.Policy;
            }
        }
        catch (Exception exception)
        {
            LogUnreadable(modelId, exception.GetType().Name, exception.Message); // at most once per FailedLoadRetryAfter
            lock (model)
            {
                model.RetryAt = time.GetUtcNow() + options.Value.FailedLoadRetryAfter;
                model.Reading = null;
                return model.Policy; // a known policy keeps serving; its next read is due as before
            }
        }
    }

    /// <summary>A stored policy with problems, logged once per content.</summary>
    private void Reject(string modelId, KnownPolicy model, ulong contentHash, IReadOnlyList<string> problems)
    {
        if (model.RejectedHash != contentHash)
        {
            model.RejectedHash = contentHash;
            LogRejected(modelId, string.Join(" ", problems));
        }

        model.RejectedProblems = problems;
    }

    [LoggerMessage(EventName = "RolloutPolicyRejected", Level = LogLevel.Warning,
        Message = "The rollout policy of {ModelId} was refused and the last good one stays in force: {Problems}")]
    private partial void LogRejected(string modelId, string problems);

    [LoggerMessage(EventName = "RolloutPolicyUnreadable", Level = LogLevel.Warning,
        Message = "The rollout policy of {ModelId} could not be read ({ErrorType}: {Reason}); the last policy read (or, before any, the highest version) serves until it can")]
    private partial void LogUnreadable(string modelId, string errorType, string reason);

    /// <summary>What is known of one model's policy; guarded by locking the instance.</summary>
    private sealed class KnownPolicy
    {
        public RolloutPolicy? Policy { get; set; }
        public DateTimeOffset? ReadAt { get; set; }
        public DateTimeOffset RetryAt { get; set; }
        public Task<RolloutPolicy?>? Reading { get; set; }
        public ulong RejectedHash { get; set; }
        public IReadOnlyList<string> RejectedProblems { get; set; } = [];
    }
}
