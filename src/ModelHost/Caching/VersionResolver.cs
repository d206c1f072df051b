using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Answers "which versions does this model have" for requests without a version, without making them wait on the
/// store whenever it can avoid it:
/// <list type="bullet">
/// <item>an answer is trusted for <see cref="ModelCacheOptions.RevalidateAfter"/>; after that it is still served at
/// once while one listing refreshes it in the background (stale-while-revalidate), so a model the host knows answers
/// in milliseconds through any store outage;</item>
/// <item>one listing per model at a time, however many requests want it;</item>
/// <item>a failed listing is remembered for <see cref="ModelCacheOptions.FailedLoadRetryAfter"/> from when it failed,
/// so a store that hangs is not asked again by every request;</item>
/// <item>a request with no answer to fall back on waits at most <see cref="ModelCacheOptions.MaxStoreWait"/>; then the
/// versions the store keeps locally (the disk tier's copies) serve if there are any, and 503 otherwise;</item>
/// <item>a model that does not exist is not remembered, so an upload is seen by the next request.</item>
/// </list>
/// </summary>
public sealed partial class VersionResolver(IModelStore store, IOptions<ModelCacheOptions> options, TimeProvider time, ILogger<VersionResolver> logger)
{
    private readonly ConcurrentDictionary<string, KnownVersions> _models = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<int>> ListAsync(string modelId, CancellationToken cancellationToken)
    {
        var model = _models.GetOrAdd(modelId, static _ => new KnownVersions());
        Task<IReadOnlyList<int>>? listing;
        IReadOnlyList<int>? known;
        Exception? remembered;
        lock (model)
        {
            var now = time.GetUtcNow();
            known = model.Versions;
            if (known is not null && now - model.ListedAt < options.Value.RevalidateAfter)
            {
                return known;
            }

            remembered = now < model.RetryAt ? model.Failure : null;
            listing = remembered is null ? model.Listing ??= Observed(ListInBackground(modelId, model)) : null;
        }

        if (known is not null)
        {
            return known; // stale, while the listing started above (if any) refreshes it
        }

        try
        {
            return await (listing ?? Task.FromException<IReadOnlyList<int>>(remembered!)).WaitAsync(options.Value.MaxStoreWait, time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or ModelStoreUnavailableException)
        {
            var local = await store.LocalVersionsAsync(modelId, cancellationToken);
            if (local.Count > 0)
            {
                LogServedLocalVersions(modelId, local.Count);
                return local;
            }

            throw exception as ModelStoreUnavailableException ?? new ModelStoreUnavailableException(
                $"The model store did not list the versions of '{modelId}' within {options.Value.MaxStoreWait.TotalSeconds:0.#} s; " +
                "the listing goes on, and a retry may find it done. Pin a version to skip the listing.",
                options.Value.StoreWaitRetryAfter);
        }
    }

    public async Task<ModelRef> ResolveAsync(string modelId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } pinned)
        {
            return new ModelRef(modelId, pinned);
        }

        var versions = await ListAsync(modelId, cancellationToken);
        return versions.Count > 0
            ? new ModelRef(modelId, versions[^1])
            : throw new ModelNotFoundException($"Model '{modelId}' does not exist in the model store.");
    }

    /// <summary>Whether the store's last listing of the model, kept here, showed versions; never asks the store.</summary>
    public bool IsListed(string modelId)
    {
        if (!_models.TryGetValue(modelId, out var model))
        {
            return false;
        }

        lock (model)
        {
            return model.Versions is { Count: > 0 };
        }
    }

    /// <summary>
    /// Drops what is known of the model's versions, so that the next request lists the store again: a version a
    /// request resolved to has gone from it, and the listing kept for <see cref="ModelCacheOptions.RevalidateAfter"/>
    /// would go on naming it.
    /// </summary>
    public void Forget(string modelId)
    {
        if (_models.TryGetValue(modelId, out var model))
        {
            lock (model)
            {
                model.Versions = null;
            }
        }
    }

    /// <summary>
    /// Throws <see cref="ModelNotFoundException"/> when the listing shows that <paramref name="model"/>'s version does not
    /// exist; says nothing when it exists or the store cannot say now. For an error path that must answer 404 before
    /// its own error, without loading the model.
    /// </summary>
    public async Task ThrowIfNotListedAsync(ModelRef model, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> listed;
        try
        {
            listed = await ListAsync(model.Id, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return; // the store cannot say now; the caller's own error stands
        }

        if (!listed.Contains(model.Version))
        {
            throw new ModelNotFoundException($"Model '{model.Id}' version {model.Version} does not exist.");
        }
    }

    /// <summary>Lists the store; what it answers (or how it failed) is recorded when it ends, whoever still waits for it.</summary>
    private async Task<IReadOnlyList<int>> ListInBackground(string modelId, KnownVersions model)
    {
        await Task.Yield(); // the caller holds the model's lock; the listing must not run under it
        try
        {
            var versions = await store.ListVersionsAsync(modelId, CancellationToken.None);
            lock (model)
            {
                // An empty answer is not remembered: the model may be uploaded at any moment.
                model.Versions = versions.Count > 0 ? versions : null;
                model.ListedAt = time.GetUtcNow();
                model.Failure = null;
                model.Listing = null;
            }

            return versions;
        }
        catch (Exception exception)
        {
            lock (model)
            {
                model.Failure = exception;
                model.RetryAt = time.GetUtcNow() + options.Value.FailedLoadRetryAfter;
                model.Listing = null;
            }

            if (model.Versions is not null)
            {
                LogListingFailed(modelId, exception.GetType().Name, exception.Message);
            }

            throw;
        }
    }

    // A refresh nobody waits for (a stale answer was served) may fail; its exception is recorded, not left unobserved.
    private static Task<T> Observed<T>(Task<T> task)
    {
        _ = task.ContinueWith(static done => done.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    [LoggerMessage(EventName = "VersionListingFailed", Level = LogLevel.Warning,
        Message = "Listing the versions of {ModelId} failed ({ErrorType}: {Reason}); requests keep the versions known before")]
    private partial void LogListingFailed(string modelId, string errorType, string reason);

    [LoggerMessage(EventName = "VersionsServedFromLocalCopies", Level = LogLevel.Information,
        Message = "The store could not list {ModelId}; its {Count} version(s) kept locally serve instead")]
    private partial void LogServedLocalVersions(string modelId, int count);

    /// <summary>What is known of one model's versions; guarded by locking the instance.</summary>
    private sealed class KnownVersions
    {
        public IReadOnlyList<int>? Versions { get; set; }
        public DateTimeOffset ListedAt { get; set; }
        public Task<IReadOnlyList<int>>? Listing { get; set; }
        public Exception? Failure { get; set; }
        public DateTimeOffset RetryAt { get; set; }
    }
}
