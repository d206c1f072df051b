using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class VersionResolverTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ListingStore _store = new();
    private readonly VersionResolver _resolver;

    public VersionResolverTests() =>
        _resolver = new VersionResolver(
            _store, Options.Create(new ModelCacheOptions { RevalidateAfter = TimeSpan.FromSeconds(30), FailedLoadRetryAfter = TimeSpan.FromSeconds(5) }), _time);

    [Fact]
    public async Task ResolveAsync_WithinTheInterval_ListsTheStoreOnceAndThenSeesANewVersion()
    {
        _store.Versions = [1, 2];
        Assert.Equal(new ModelRef("m", 2), await _resolver.ResolveAsync("m", null, default));
        _store.Versions = [1, 2, 3];
        Assert.Equal(new ModelRef("m", 2), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(1, _store.Listings);

        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(new ModelRef("m", 3), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(2, _store.Listings);
    }

    [Fact]
    public async Task ResolveAsync_StoreUnavailable_ServesTheLastGoodAnswerWithoutAskingOnEveryRequest()
    {
        _store.Versions = [4];
        await _resolver.ResolveAsync("m", null, default);
        _store.Unavailable = true;
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(new ModelRef("m", 4), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(new ModelRef("m", 4), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(2, _store.Listings); // the failure is remembered for the retry time

        _store.Unavailable = false;
        _store.Versions = [4, 5];
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(new ModelRef("m", 5), await _resolver.ResolveAsync("m", null, default));
    }

    [Fact]
    public async Task ResolveAsync_StoreUnavailableWithNoEarlierAnswer_Throws503Error()
    {
        _store.Unavailable = true;

        await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => _resolver.ResolveAsync("m", null, default));
    }

    [Fact]
    public async Task ResolveAsync_UnknownModel_IsNotRememberedSoAnUploadIsSeenAtOnce()
    {
        await Assert.ThrowsAsync<ModelNotFoundException>(() => _resolver.ResolveAsync("m", null, default));
        _store.Versions = [1];

        Assert.Equal(new ModelRef("m", 1), await _resolver.ResolveAsync("m", null, default));
    }

    /// <summary>A store whose listing the test scripts; fetching is not part of these tests.</summary>
    private sealed class ListingStore : IModelStore
    {
        public int[] Versions { get; set; } = [];
        public bool Unavailable { get; set; }
        public int Listings { get; private set; }

        public Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken)
        {
            Listings++;
            return Unavailable
                ? Task.FromException<IReadOnlyList<int>>(new ModelStoreUnavailableException("store down", TimeSpan.FromSeconds(1)))
                : Task.FromResult<IReadOnlyList<int>>(Versions);
        }

        public Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
