using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.ModelHost.Storage.DiskTier;

namespace MultiModel.ModelHost.S3.Tests.Storage;

[Collection(RadosgwCollection.Name)]
public sealed class DiskTierModelStoreTests(RadosgwFixture s3)
{
    [Fact]
    public async Task FetchAsync_SecondFetch_ServedFromDiskWithoutAnyRequest()
    {
        var id = RadosgwFixture.NewId("disk");
        await s3.PutModelAsync(id, 1, SmallModels.Small, SmallModels.Labels);
        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory(), RevalidateAfter = TimeSpan.FromDays(1) });

        var first = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        var requestsAfterFirst = sut.Requests.Total;
        var second = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(1, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
        Assert.Equal(requestsAfterFirst, sut.Requests.Total);
        Assert.Equal(first.FilePath, second.FilePath);
        Assert.StartsWith(sut.Options.Directory, second.FilePath);
        Assert.Null(second.Bytes);
        Assert.Equal(SmallModels.Small, await File.ReadAllBytesAsync(second.FilePath!));
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(SmallModels.Small.Length, second.SizeBytes);
        Assert.Equal(["setosa", "versicolor", "virginica"], second.Sidecar!.Labels);
    }

    [Fact]
    public async Task FetchAsync_SidecarWithConfidenceBaseline_KeptAsWrittenFromS3AndFromDiskAfterARestart()
    {
        var id = RadosgwFixture.NewId("diskbase");
        const string Baseline = "[0,0,0,2,3,5,9,14,30,137]";
        await s3.PutModelAsync(id, 1, SmallModels.Small, $$"""{"labels":["a","b","c"],"confidenceBaseline":{{Baseline}}}""");
        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory(), RevalidateAfter = TimeSpan.FromDays(1) });

        var fromS3 = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        var fromDisk = await sut.Reopen().FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(1, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
        Assert.Equal(Baseline, fromS3.Sidecar!.ConfidenceBaseline!.Value.GetRawText());
        Assert.Equal(Baseline, fromDisk.Sidecar!.ConfidenceBaseline!.Value.GetRawText());
    }

    [Fact]
    public async Task FetchAsync_DefaultRevalidation_ChecksTheCopyWithHeadsAndNoGet()
    {
        var id = RadosgwFixture.NewId("diskhead");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3);
        await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        sut.Requests.Clear();

        await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(0, sut.Requests.Count(HttpMethod.Get));
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Head));
    }

    [Fact]
    public async Task FetchAsync_OverwrittenWhileOnDisk_ServesTheNewBytes()
    {
        var id = RadosgwFixture.NewId("diskstale");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory(), RevalidateAfter = TimeSpan.Zero });
        var before = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        await s3.PutModelAsync(id, 1, SmallModels.Other);
        var after = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(SmallModels.Other, await File.ReadAllBytesAsync(after.FilePath!));
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
    }

    [Fact]
    public async Task IsUnchangedAsync_False_NextFetchDownloadsAgain()
    {
        var id = RadosgwFixture.NewId("diskchanged");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory(), RevalidateAfter = TimeSpan.FromDays(1) }); // only IsUnchangedAsync can notice
        var before = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        await s3.PutModelAsync(id, 1, SmallModels.Other);

        Assert.False(await sut.Store.IsUnchangedAsync(new(id, 1), before.ETag!, CancellationToken.None));
        var after = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(SmallModels.Other, await File.ReadAllBytesAsync(after.FilePath!));
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
    }

    [Fact]
    public async Task FetchAsync_TruncatedCopy_IsDeletedAndFetchedAgain()
    {
        var id = RadosgwFixture.NewId("disktrunc");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory() }, time);
        var first = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        await using (var file = File.OpenWrite(first.FilePath!))
        {
            file.SetLength(SmallModels.Small.Length / 2);
        }

        time.Advance(DiskTierModelStore.ServedGrace); // past the grace a copy handed out gets before it may be deleted

        var second = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(SmallModels.Small, await File.ReadAllBytesAsync(second.FilePath!));
        Assert.False(Directory.Exists(Path.GetDirectoryName(first.FilePath)));
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
    }

    [Fact]
    public async Task Constructor_AfterRestart_AdoptsValidCopiesAndDeletesTheRest()
    {
        var id = RadosgwFixture.NewId("diskrestart");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3);
        var first = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        var leftover = Path.Combine(sut.Options.Directory, "x-12345678.v1.abc.tmp");
        var garbage = Directory.CreateDirectory(Path.Combine(sut.Options.Directory, "y-12345678.v1.abc")).FullName;
        await File.WriteAllTextAsync(leftover, "half a download");
        await File.WriteAllTextAsync(Path.Combine(garbage, "entry.json"), "{not json");
        sut.Requests.Clear();

        var reopened = sut.Reopen();
        var second = await reopened.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(first.FilePath, second.FilePath);
        Assert.Equal(0, sut.Requests.Count(HttpMethod.Get));
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Head)); // a copy from an earlier run is revalidated once
        Assert.False(File.Exists(leftover));
        Assert.False(Directory.Exists(garbage));
        Assert.Equal(SmallModels.Small.Length, reopened.UsedBytes);
    }

    [Fact]
    public async Task FetchAsync_OverBudget_EvictsTheLeastRecentlyUsedCopy()
    {
        var ids = Enumerable.Range(0, 3).Select(i => RadosgwFixture.NewId($"lru{i}")).ToArray();
        foreach (var id in ids)
        {
            await s3.PutModelAsync(id, 1, S3ModelStoreFetchTests.RandomBytes(400 * 1024));
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new DiskTierOptions { Directory = TempDirectory(), BudgetMegabytes = 1, RevalidateAfter = TimeSpan.FromDays(1) };
        using var sut = new DiskTierUnderTest(s3, options, time);
        foreach (var id in ids)
        {
            await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
            time.Advance(DiskTierModelStore.ServedGrace);
        }

        sut.Requests.Clear();
        Assert.NotNull((await sut.Store.FetchAsync(new(ids[1], 1), long.MaxValue, CancellationToken.None)).FilePath);
        Assert.NotNull((await sut.Store.FetchAsync(new(ids[2], 1), long.MaxValue, CancellationToken.None)).FilePath);
        Assert.Equal(0, sut.Requests.Count(HttpMethod.Get));
        time.Advance(DiskTierModelStore.ServedGrace);
        await sut.Store.FetchAsync(new(ids[0], 1), long.MaxValue, CancellationToken.None);
        Assert.Equal(1, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
        Assert.Equal(2 * 400 * 1024, sut.Store.UsedBytes);
        Assert.Equal(2, Directory.EnumerateDirectories(options.Directory).Count());
    }

    [Fact]
    public async Task FetchAsync_BudgetFullOfJustServedCopies_ServesFromMemoryWithoutEvicting()
    {
        var ids = Enumerable.Range(0, 3).Select(i => RadosgwFixture.NewId($"grace{i}")).ToArray();
        foreach (var id in ids)
        {
            await s3.PutModelAsync(id, 1, S3ModelStoreFetchTests.RandomBytes(400 * 1024));
        }

        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory(), BudgetMegabytes = 1 });
        await sut.Store.FetchAsync(new(ids[0], 1), long.MaxValue, CancellationToken.None);
        await sut.Store.FetchAsync(new(ids[1], 1), long.MaxValue, CancellationToken.None);

        var third = await sut.Store.FetchAsync(new(ids[2], 1), long.MaxValue, CancellationToken.None);

        Assert.Null(third.FilePath);
        Assert.Equal(400 * 1024, third.Bytes!.Length);
        Assert.Equal(2 * 400 * 1024, sut.Store.UsedBytes);
    }

    [Fact]
    public async Task FetchAsync_LargerThanMaxBytesOnDisk_ThrowsTooLargeWithoutARequest()
    {
        var id = RadosgwFixture.NewId("disktoolarge");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3);
        await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        sut.Requests.Clear();

        await Assert.ThrowsAsync<ModelTooLargeException>(() => sut.Store.FetchAsync(new(id, 1), SmallModels.Small.Length - 1, CancellationToken.None));

        Assert.Equal(0, sut.Requests.Total);
    }

    [Fact]
    public async Task FetchAsync_32ConcurrentFirstFetches_OneGetObject()
    {
        var id = RadosgwFixture.NewId("herd");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3);
        using var start = new ManualResetEventSlim();

        var fetches = Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        })).ToArray();
        start.Set();
        var artifacts = await Task.WhenAll(fetches);

        Assert.Equal(1, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
        Assert.Single(artifacts.Select(artifact => artifact.FilePath).Distinct());
    }

    [Fact]
    public async Task FetchAsync_GatewayStoppedWithCopyOnDisk_ServesTheCopy()
    {
        var id = RadosgwFixture.NewId("diskoutage");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = new DiskTierUnderTest(s3, new DiskTierOptions { Directory = TempDirectory(), RevalidateAfter = TimeSpan.Zero });
        var first = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        await s3.Server.StopGatewayAsync();
        try
        {
            var second = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
            await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => sut.Store.FetchAsync(new(id, 2), long.MaxValue, CancellationToken.None));

            Assert.Equal(first.FilePath, second.FilePath);
        }
        finally
        {
            await s3.Server.StartGatewayAsync();
        }
    }

    [Fact]
    public void Constructor_ForeignNonEmptyDirectory_Refuses()
    {
        var directory = Directory.CreateTempSubdirectory("not-a-disk-tier-").FullName;
        File.WriteAllText(Path.Combine(directory, "precious.txt"), "keep me");
        using var s3Store = s3.CreateStore();

        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new DiskTierModelStore(
                s3Store.Store, new DiskTierOptions { Directory = directory }, TimeProvider.System, NullLogger<DiskTierModelStore>.Instance));

            Assert.Contains("ModelHost:DiskCache:Directory", error.Message);
            Assert.True(File.Exists(Path.Combine(directory, "precious.txt")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Constructor_FolderOfAnotherRunningHost_RefusesUntilThatHostLetsGo()
    {
        using var first = new DiskTierUnderTest(s3);
        using var s3Store = s3.CreateStore();
        var pending = Path.Combine(first.Options.Directory, "m-0000.v1.0000.tmp"); // the first host's download in progress
        File.WriteAllText(pending, "partial");

        var error = Assert.Throws<InvalidOperationException>(() => new DiskTierModelStore(
            s3Store.Store, first.Options, TimeProvider.System, NullLogger<DiskTierModelStore>.Instance));

        Assert.Contains("in use by another running host", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(pending));
        first.Store.Dispose();
        using var second = new DiskTierModelStore(s3Store.Store, first.Options, TimeProvider.System, NullLogger<DiskTierModelStore>.Instance);
        Assert.False(File.Exists(pending)); // now the folder's own, an interrupted download is cleaned up
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), $"disk-tier-{Guid.NewGuid():N}");
}
