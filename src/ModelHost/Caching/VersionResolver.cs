using System.Collections.Concurrent;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Answers "which versions does this model have", remembering each answer for the revalidation interval so a request
/// without a version does not list the store every time. Concurrent first lookups of a model share one listing;
/// a model that does not exist is not remembered, so an upload is visible on the next request.
/// </summary>
public sealed class VersionResolver(IModelStore store, ModelCacheOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<int>> ListAsync(string modelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var listing = _listings.AddOrUpdate(
            modelId,
            static (id, state) => Listing.Start(state.store, id, state.now),
            static (id, existing, state) => existing.IsFresh(state.now, state.ttl) ? existing : Listing.Start(state.store, id, state.now),
            (store, now, ttl: options.RevalidateAfter));
        try
        {
            var versions = await listing.Versions.WaitAsync(cancellationToken);
            if (versions.Count == 0)
            {
                _listings.TryRemove(KeyValuePair.Create(modelId, listing));
            }

            return versions;
        }
        catch (Exception) when (listing.Versions.IsFaulted)
        {
            _listings.TryRemove(KeyValuePair.Create(modelId, listing));
            throw;
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

    private sealed record Listing(Task<IReadOnlyList<int>> Versions, DateTimeOffset StartedAt)
    {
        public static Listing Start(IModelStore store, string id, DateTimeOffset now) =>
            new(store.ListVersionsAsync(id, CancellationToken.None), now);

        public bool IsFresh(DateTimeOffset now, TimeSpan ttl) => !Versions.IsFaulted && now - StartedAt < ttl;
    }
}
