using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Storage;

/// <summary>The local store answers for ids the rule refuses, and for odd version folders, as the S3 store does.</summary>
public sealed class LocalFolderModelStoreTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("modelhost-local-store-").FullName;
    private readonly LocalFolderModelStore _store;

    public LocalFolderModelStoreTests()
    {
        // A model beside the store's root, which "../outside" would reach if the store did not check ids itself.
        TestModelFactory.WriteToStore(_parent, "outside", 1, TestModelFactory.Mlp(2, 4, 2));
        var root = Directory.CreateDirectory(Path.Combine(_parent, "root")).FullName;
        TestModelFactory.WriteToStore(root, "inside", 1, TestModelFactory.Mlp(2, 4, 2));
        _store = new LocalFolderModelStore(root);
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public async Task ListModelsAsync_FoldersOfTheRoot_ValidIdsInOrdinalOrder()
    {
        var root = Path.Combine(_parent, "root");
        TestModelFactory.WriteToStore(root, "Beta", 2, TestModelFactory.Mlp(2, 4, 2));
        Directory.CreateDirectory(Path.Combine(root, "_drafts"));
        File.WriteAllText(Path.Combine(root, "README.md"), "not a model");

        Assert.Equal(["Beta", "inside"], await _store.ListModelsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListVersionsAsync_ValidId_ListsItsVersions() =>
        Assert.Equal([1], await _store.ListVersionsAsync("inside", CancellationToken.None));

    [Fact]
    public async Task ListVersionsAsync_FoldersNotSpelledAsTheStoreFetchesThem_Ignored()
    {
        var root = Path.Combine(_parent, "root");
        TestModelFactory.WriteToStore(root, "inside", 3, TestModelFactory.Mlp(2, 4, 2));
        foreach (var folder in new[] { "02", "+4", "latest" })
        {
            var directory = Directory.CreateDirectory(Path.Combine(root, "inside", folder)).FullName;
            File.WriteAllBytes(Path.Combine(directory, ModelFiles.Model), TestModelFactory.Mlp(2, 4, 2));
        }

        Assert.Equal([1, 3], await _store.ListVersionsAsync("inside", CancellationToken.None));
    }

    [Fact]
    public async Task ListVersionsAsync_IdTheRuleRefuses_NoVersions() =>
        Assert.Empty(await _store.ListVersionsAsync("../outside", CancellationToken.None));

    [Fact]
    public async Task FetchAsync_IdTheRuleRefuses_NotFound()
    {
        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => _store.FetchAsync(new ModelRef("../outside", 1), long.MaxValue, CancellationToken.None));

        Assert.Contains("'../outside' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsUnchangedAsync_IdTheRuleRefuses_False()
    {
        var outside = await new LocalFolderModelStore(_parent).FetchAsync(new ModelRef("outside", 1), long.MaxValue, CancellationToken.None);

        Assert.False(await _store.IsUnchangedAsync(new ModelRef("../outside", 1), outside.ETag!, CancellationToken.None));
    }
}
