using Amazon.S3.Model;
using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Storage;

[Collection(RadosgwCollection.Name)]
public sealed class S3ModelStoreVersionTests(RadosgwFixture s3)
{
    [Fact]
    public async Task ListVersionsAsync_MixedKeys_ReturnsModelVersionsAscending()
    {
        var id = RadosgwFixture.NewId("versions");
        foreach (var version in new[] { 10, 2, 1 })
        {
            await s3.PutModelAsync(id, version, SmallModels.Small);
        }

        await s3.PutAsync($"{id}/3/labels.json", "{}"u8.ToArray()); // labels without a model: not a version
        await s3.PutAsync($"{id}/latest/model.onnx", SmallModels.Small); // not a number
        await s3.PutAsync($"{id}/4/model.onnx.bak", SmallModels.Small);
        await s3.PutAsync($"{id}/05/model.onnx", SmallModels.Small); // 5 is fetched from "5/", so "05/" is not a version
        await s3.PutAsync($"{id}/+6/model.onnx", SmallModels.Small);
        await s3.PutModelAsync(id + "x", 7, SmallModels.Small); // a neighbour whose id starts with this one
        using var sut = s3.CreateStore();

        var versions = await sut.Store.ListVersionsAsync(id, CancellationToken.None);

        Assert.Equal([1, 2, 10], versions);
    }

    [Fact]
    public async Task ListVersionsAsync_UnknownModel_ReturnsEmpty()
    {
        using var sut = s3.CreateStore();

        Assert.Empty(await sut.Store.ListVersionsAsync(RadosgwFixture.NewId("unknown"), CancellationToken.None));
    }

    [Fact]
    public async Task ListVersionsAsync_WithPrefix_ReadsOnlyUnderThePrefix()
    {
        var id = RadosgwFixture.NewId("prefixed");
        await s3.PutModelAsync(id, 1, SmallModels.Small, prefix: "team-a/");
        await s3.PutModelAsync(id, 2, SmallModels.Small, prefix: "team-b/");
        using var sut = s3.CreateStore(s3.Options("team-a/"));

        Assert.Equal([1], await sut.Store.ListVersionsAsync(id, CancellationToken.None));
        Assert.NotNull((await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).Bytes);
    }

    [Fact]
    public async Task ListVersionsAsync_MoreThan1000Keys_PagesThroughAllOfThem()
    {
        var id = RadosgwFixture.NewId("paging");
        const int count = 1003;
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (version, token) =>
            await s3.Admin.PutObjectAsync(new PutObjectRequest
            {
                BucketName = RadosgwFixture.Bucket,
                Key = $"{id}/{version}/model.onnx",
                ContentBody = "",
                UseChunkEncoding = false,
            }, token));
        using var sut = s3.CreateStore();

        var versions = await sut.Store.ListVersionsAsync(id, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, count), versions);
        Assert.Equal(2, sut.Requests.Count(HttpMethod.Get));
    }
}
