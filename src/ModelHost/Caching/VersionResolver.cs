using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Answers "which versions does this model have", remembering each answer for the revalidation interval so a request
/// without a version does not list the store every time. Concurrent lookups of a model share one listing; a model that
/// does not exist is not remembered, so an upload is visible on the next request. A failed listing is remembered for
/// the failed-load retry time, like a failed load, and while the store is unavailable the last good answer keeps
/// serving, so cached models stay reachable without a pinned version.
/// </summary>
public sealed class VersionResolver(IModelStore store, IOptions<ModelCacheOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<int>> ListAsync(string modelId, CancellationToken cancellationToken)
    {
        var listing = _listings.AddOrUpdate(
            modelId,
            static (id, resolver) => resolver.Start(id, previous: null),
            static (id, existing, resolver) => resolver.IsFresh(existing) ? existing : resolver.Start(id, existing),
            this);
        try
        {
            var versions = await listing.Versions.WaitAsync(cancellationToken);
            if (versions.Count == 0)
            {
                _listings.TryRemove(KeyValuePair.Create(modelId, listing));
            }

            return versions;
        }
        catch (ModelStoreUnavailableException) when (listing.LastGood is { } lastGood)
        {
            return lastGood;
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

    private Listing Start(string modelId, Listing? previous) =>
        new(store.ListVersionsAsync(modelId, CancellationToken.None), time.GetUtcNow(), previous?.LastGood);

    private bool IsFresh(Listing listing) =>
        time.GetUtcNow() - listing.StartedAt < (listing.Versions.IsFaulted ? options.Value.FailedLoadRetryAfter : options.Value.RevalidateAfter);

    private sealed class Listing(Task<IReadOnlyList<int>> versions, DateTimeOffset startedAt, IReadOnlyList<int>? previousGood)
    {
        public Task<IReadOnlyList<int>> Versions { get; } = versions;
        public DateTimeOffset StartedAt { get; } = startedAt;

        /// <summary>This listing's answer once it succeeded, else the last one that did.</summary>
        public IReadOnlyList<int>? LastGood => Versions.IsCompletedSuccessfully ? Versions.Result : previousGood;
    }
}
