using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class VersionResolverTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ListingStore _store = new();
    private readonly VersionResolver _resolver;

    public VersionResolverTests() =>
        _resolver = new VersionResolver(
            _store,
            Options.Create(new ModelCacheOptions
            {
                RevalidateAfter = TimeSpan.FromSeconds(30),
                FailedLoadRetryAfter = TimeSpan.FromSeconds(5),
                MaxStoreWait = TimeSpan.FromSeconds(5),
            }),
            _time,
            NullLogger<VersionResolver>.Instance);

    [Fact]
    public async Task ResolveAsync_AfterTheInterval_ServesTheKnownVersionAtOnceWhileOneListingRefreshesIt()
    {
        _store.Versions = [1, 2];
        Assert.Equal(new ModelRef("m", 2), await _resolver.ResolveAsync("m", null, default));
        _store.Versions = [1, 2, 3];
        Assert.Equal(new ModelRef("m", 2), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(1, _store.Listings);

        _time.Advance(TimeSpan.FromSeconds(31));
        var hold = _store.Hold();
        var stale = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _resolver.ResolveAsync("m", null, default)));

        Assert.All(stale, model => Assert.Equal(new ModelRef("m", 2), model)); // none waited for the listing
        Assert.True(await Eventually.TrueAsync(() => _store.Listings == 2));
        hold.SetResult();
        Assert.True(await Eventually.TrueAsync(async () => await _resolver.ResolveAsync("m", null, default) == new ModelRef("m", 3)));
        Assert.Equal(2, _store.Listings);
    }

    [Fact]
    public async Task ResolveAsync_ConcurrentFirstLookups_ShareOneListing()
    {
        _store.Versions = [7];
        var hold = _store.Hold();

        var lookups = Enumerable.Range(0, 32).Select(_ => _resolver.ResolveAsync("m", null, default)).ToArray();
        Assert.True(await Eventually.TrueAsync(() => _store.Listings == 1));
        hold.SetResult();

        Assert.All(await Task.WhenAll(lookups), model => Assert.Equal(new ModelRef("m", 7), model));
        Assert.Equal(1, _store.Listings);
    }

    [Fact]
    public async Task ResolveAsync_StoreUnavailable_ServesTheLastGoodAnswerWithoutAskingOnEveryRequest()
    {
        _store.Versions = [4];
        await _resolver.ResolveAsync("m", null, default);
        _store.Unavailable = true;
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(new ModelRef("m", 4), await _resolver.ResolveAsync("m", null, default));
        Assert.True(await Eventually.TrueAsync(() => _store.Listings == 2));
        Assert.Equal(new ModelRef("m", 4), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(2, _store.Listings); // the failure is remembered for the retry time

        _store.Unavailable = false;
        _store.Versions = [4, 5];
        // The failure is remembered from when the background listing recorded it, which may be after this test went
        // on; so the clock moves on while waiting for the store's new answer, as it would.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return await _resolver.ResolveAsync("m", null, default) == new ModelRef("m", 5);
        }));
    }

    [Fact]
    public async Task ResolveAsync_SlowFailure_IsRememberedFromWhenItEnded()
    {
        _store.Unavailable = true;
        var hold = _store.Hold();
        var first = _resolver.ResolveAsync("m", null, default);
        Assert.True(await Eventually.TrueAsync(() => _store.Listings == 1));
        _time.Advance(TimeSpan.FromSeconds(4)); // the listing takes 4 s, then fails
        hold.SetResult();
        await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => first);

        _time.Advance(TimeSpan.FromSeconds(4)); // 8 s after it started, 4 s after it failed: still remembered
        await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => _resolver.ResolveAsync("m", null, default));
        Assert.Equal(1, _store.Listings);

        _time.Advance(TimeSpan.FromSeconds(2));
        _store.Unavailable = false;
        _store.Versions = [1];
        Assert.Equal(new ModelRef("m", 1), await _resolver.ResolveAsync("m", null, default));
        Assert.Equal(2, _store.Listings);
    }

    [Fact]
    public async Task ResolveAsync_StoreSilentWithNoEarlierAnswer_Gets503AfterTheWaitLimitWhileTheListingGoesOn()
    {
        _store.Versions = [3];
        var hold = _store.Hold();
        var lookup = _resolver.ResolveAsync("m", null, default);
        Assert.True(await Eventually.TrueAsync(() => _store.Listings == 1));

        _time.Advance(TimeSpan.FromSeconds(5));

        var unavailable = await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => lookup);
        Assert.Contains("within 5 s", unavailable.Message, StringComparison.Ordinal);
        hold.SetResult();
        Assert.True(await Eventually.TrueAsync(async () => await _resolver.ResolveAsync("m", null, default) == new ModelRef("m", 3)));
        Assert.Equal(1, _store.Listings);
    }

    [Fact]
    public async Task ResolveAsync_StoreUnavailableWithNoEarlierAnswer_ServesTheVersionsKeptLocally()
    {
        _store.Unavailable = true;
        _store.Local = [1, 2];

        Assert.Equal(new ModelRef("m", 2), await _resolver.ResolveAsync("m", null, default));
    }

    [Fact]
    public async Task ResolveAsync_StoreUnavailableWithNoEarlierAnswerNorLocalCopy_Throws503Error()
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

    /// <summary>A store whose listing the test scripts (and can hold); fetching is not part of these tests.</summary>
    private sealed class ListingStore : IModelStore
    {
        private TaskCompletionSource? _hold;
        private int _listings;

        public int[] Versions { get; set; } = [];
        public int[] Local { get; set; } = [];
        public bool Unavailable { get; set; }
        public int Listings => Volatile.Read(ref _listings);

        /// <summary>Listings from now on wait until the returned source is completed.</summary>
        public TaskCompletionSource Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

        public async Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _listings);
            if (_hold is { } hold)
            {
                await hold.Task;
            }

            return Unavailable ? throw new ModelStoreUnavailableException("store down", TimeSpan.FromSeconds(1)) : Versions;
        }

        public Task<IReadOnlyList<int>> LocalVersionsAsync(string modelId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<int>>(Local);

        public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
