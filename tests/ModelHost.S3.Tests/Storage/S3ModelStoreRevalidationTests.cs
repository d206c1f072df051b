using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Storage;

[Collection(RadosgwCollection.Name)]
public sealed class S3ModelStoreRevalidationTests(RadosgwFixture s3)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IsUnchangedAsync_NothingChanged_TrueWithoutAnyGet(bool withLabels)
    {
        var id = RadosgwFixture.NewId("same");
        await s3.PutModelAsync(id, 1, SmallModels.Small, withLabels ? SmallModels.Labels : null);
        using var sut = s3.CreateStore();
        var etag = (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).ETag!;
        sut.Requests.Clear();

        Assert.True(await sut.Store.IsUnchangedAsync(new(id, 1), etag, CancellationToken.None));
        Assert.Equal(0, sut.Requests.Count(HttpMethod.Get));
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Head));
    }

    [Fact]
    public async Task IsUnchangedAsync_ModelOverwritten_FalseAndFetchReturnsTheNewBytes()
    {
        var id = RadosgwFixture.NewId("overwrite");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = s3.CreateStore();
        var before = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        await s3.PutModelAsync(id, 1, SmallModels.Other);

        Assert.False(await sut.Store.IsUnchangedAsync(new(id, 1), before.ETag!, CancellationToken.None));
        var after = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);
        Assert.Equal(SmallModels.Other, after.Bytes);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task IsUnchangedAsync_OnlyLabelsReplaced_False()
    {
        var id = RadosgwFixture.NewId("relabel");
        await s3.PutModelAsync(id, 1, SmallModels.Small, SmallModels.Labels);
        using var sut = s3.CreateStore();
        var etag = (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).ETag!;

        await s3.PutAsync($"{id}/1/labels.json", """{"labels":["a","b","c"]}"""u8.ToArray());

        Assert.False(await sut.Store.IsUnchangedAsync(new(id, 1), etag, CancellationToken.None));
    }

    [Fact]
    public async Task IsUnchangedAsync_LabelsAddedLater_False()
    {
        var id = RadosgwFixture.NewId("addlabels");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = s3.CreateStore();
        var etag = (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).ETag!;

        await s3.PutAsync($"{id}/1/labels.json", System.Text.Encoding.UTF8.GetBytes(SmallModels.Labels));

        Assert.False(await sut.Store.IsUnchangedAsync(new(id, 1), etag, CancellationToken.None));
    }

    [Fact]
    public async Task IsUnchangedAsync_ModelDeleted_False()
    {
        var id = RadosgwFixture.NewId("deleted");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = s3.CreateStore();
        var etag = (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).ETag!;

        await s3.Admin.DeleteObjectAsync(RadosgwFixture.Bucket, $"{id}/1/model.onnx");

        Assert.False(await sut.Store.IsUnchangedAsync(new(id, 1), etag, CancellationToken.None));
    }
}
