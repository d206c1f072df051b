using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Storage;

/// <summary>The store's models, as the Open Inference repository index lists them: the folders under the prefix.</summary>
[Collection(RadosgwCollection.Name)]
public sealed class S3ModelStoreListingTests(RadosgwFixture s3)
{
    [Fact]
    public async Task ListModelsAsync_FoldersUnderThePrefix_ValidIdsInOrdinalOrderAcrossPages()
    {
        var prefix = RadosgwFixture.NewId("listing") + "/";
        await s3.PutModelAsync("zeta", 1, SmallModels.Small, prefix: prefix);
        await s3.PutModelAsync("alpha", 1, SmallModels.Small, prefix: prefix);
        await s3.PutModelAsync("alpha", 2, SmallModels.Small, prefix: prefix);
        await s3.PutModelAsync("Beta", 3, SmallModels.Small, prefix: prefix);
        await s3.PutAsync($"{prefix}README.md", "not a model"u8.ToArray()); // a key, not a folder
        await s3.PutAsync($"{prefix}_drafts/1/model.onnx", SmallModels.Small); // a folder whose name is not an id
        await s3.PutModelAsync("elsewhere", 1, SmallModels.Small, prefix: "other-" + prefix);
        var options = s3.Options(prefix);
        options.ListPageSize = 2; // three pages of folders

        using var sut = s3.CreateStore(options);
        var models = await sut.Store.ListModelsAsync(CancellationToken.None);

        Assert.Equal(["Beta", "alpha", "zeta"], models);
    }
}
