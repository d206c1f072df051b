using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.DiskTier;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.S3.Tests.Storage;

/// <summary>The tier over a store that cannot write into a file itself (here the local folder store): it copies.</summary>
public sealed class DiskTierOverAnyStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("any-store-").FullName;
    private DiskTierModelStore? _tier;

    public void Dispose()
    {
        _tier?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task FetchAsync_StoreWithoutFileFetching_KeepsItsOwnCopyWithLabels()
    {
        var (inner, tier) = Arrange();

        var first = await tier.FetchAsync(new("iris", 2), long.MaxValue, CancellationToken.None);
        var second = await Reopen(inner).FetchAsync(new("iris", 2), long.MaxValue, CancellationToken.None);

        Assert.StartsWith(Path.Combine(_root, "tier"), first.FilePath);
        Assert.Equal(first.FilePath, second.FilePath); // a download would have made a new folder
        Assert.Equal(SmallModels.Small, await File.ReadAllBytesAsync(second.FilePath!));
        Assert.Equal(["setosa", "versicolor", "virginica"], second.Sidecar!.Labels);
    }

    [Fact]
    public async Task FetchAsync_ModelDeletedFromTheStoreBeforeARestart_IsNotRevivedFromDisk()
    {
        var (inner, tier) = Arrange();
        await tier.FetchAsync(new("iris", 2), long.MaxValue, CancellationToken.None);

        Directory.Delete(Path.Combine(_root, "store", "iris"), recursive: true);

        await Assert.ThrowsAsync<ModelNotFoundException>(() => Reopen(inner).FetchAsync(new("iris", 2), long.MaxValue, CancellationToken.None));
    }

    private (IModelStore Inner, DiskTierModelStore Tier) Arrange()
    {
        TestModelFactory.WriteToStore(Path.Combine(_root, "store"), "iris", 2, SmallModels.Small, SmallModels.Labels);
        var inner = new LocalFolderModelStore(Path.Combine(_root, "store"));
        return (inner, Reopen(inner));
    }

    // As after a restart: the earlier tier lets go of the folder first. Copies from an earlier run are confirmed once
    // whatever RevalidateAfter says; after that a day is trusted.
    private DiskTierModelStore Reopen(IModelStore inner)
    {
        _tier?.Dispose();
        return _tier = new(
            inner,
            new DiskTierOptions { Directory = Path.Combine(_root, "tier"), RevalidateAfter = TimeSpan.FromDays(1) },
            TimeProvider.System,
            NullLogger<DiskTierModelStore>.Instance);
    }
}
