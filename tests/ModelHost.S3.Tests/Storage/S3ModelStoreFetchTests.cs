using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Storage;

[Collection(RadosgwCollection.Name)]
public sealed class S3ModelStoreFetchTests(RadosgwFixture s3)
{
    [Fact]
    public async Task FetchAsync_UploadedModel_ReturnsItsBytesETagAndLabels()
    {
        var id = RadosgwFixture.NewId("fetch");
        await s3.PutModelAsync(id, 1, SmallModels.Small, SmallModels.Labels);
        using var sut = s3.CreateStore();

        var artifact = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(SmallModels.Small, artifact.Bytes);
        Assert.Equal(SmallModels.Small.Length, artifact.SizeBytes);
        Assert.Null(artifact.FilePath);
        Assert.StartsWith("\"", artifact.ETag);
        Assert.Equal(["setosa", "versicolor", "virginica"], artifact.Sidecar!.Labels);
        using var options = new SessionOptions();
        using var session = new InferenceSession(artifact.Bytes!, options);
        Assert.Equal("x", Assert.Single(session.InputMetadata).Key);
        Assert.Equal(1, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
    }

    [Fact]
    public async Task FetchAsync_NoLabels_ReturnsNullSidecar()
    {
        var id = RadosgwFixture.NewId("nolabels");
        await s3.PutModelAsync(id, 3, SmallModels.Small);
        using var sut = s3.CreateStore();

        var artifact = await sut.Store.FetchAsync(new(id, 3), long.MaxValue, CancellationToken.None);

        Assert.Null(artifact.Sidecar);
        Assert.Equal(SmallModels.Small, artifact.Bytes);
    }

    [Fact]
    public async Task FetchAsync_MissingVersion_ThrowsModelNotFoundNamingTheKey()
    {
        var id = RadosgwFixture.NewId("missing");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = s3.CreateStore();

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => sut.Store.FetchAsync(new(id, 2), long.MaxValue, CancellationToken.None));

        Assert.Contains($"s3://{RadosgwFixture.Bucket}/{id}/2/model.onnx", error.Message);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    public async Task FetchAsync_IdThatIsNotOneFolder_ThrowsModelNotFoundWithoutARequest(string id)
    {
        using var sut = s3.CreateStore();

        await Assert.ThrowsAsync<ModelNotFoundException>(() => sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None));

        Assert.Equal(0, sut.Requests.Total);
    }

    [Fact]
    public async Task FetchAsync_LargerThanMaxBytes_ThrowsTooLargeAfterOneGet()
    {
        var id = RadosgwFixture.NewId("large");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = s3.CreateStore();

        var error = await Assert.ThrowsAsync<ModelTooLargeException>(() => sut.Store.FetchAsync(new(id, 1), SmallModels.Small.Length - 1, CancellationToken.None));

        Assert.Contains($"{SmallModels.Small.Length} bytes", error.Message);
        Assert.Equal(1, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
    }

    [Fact]
    public async Task FetchAsync_InvalidLabels_ThrowsModelLoadFailed()
    {
        var id = RadosgwFixture.NewId("badlabels");
        await s3.PutModelAsync(id, 1, SmallModels.Small, """{"labels":[]}""");
        using var sut = s3.CreateStore();

        var error = await Assert.ThrowsAsync<ModelLoadFailedException>(() => sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None));

        Assert.Contains("labels", error.Message);
    }

    [Theory]
    [InlineData(1, 3, 6)] // 5 MB and a bit in 1 MB parts: the first GET brings part one, five ranged GETs follow
    [InlineData(1, 1, 6)] // the same, one part after another
    [InlineData(8, 4, 1)] // within one part: the first GET brings everything
    public async Task FetchAsync_AnyPartSize_DownloadsIdenticalBytesInThatManyGets(int partMegabytes, int parallel, int expectedGets)
    {
        var id = RadosgwFixture.NewId("ranged");
        var bytes = RandomBytes((5 * 1024 * 1024) + 12345);
        await s3.PutModelAsync(id, 1, bytes);
        var options = s3.Options();
        options.PartSizeBytes = partMegabytes * 1024 * 1024;
        options.MaxParallelParts = parallel;
        using var sut = s3.CreateStore(options);

        var artifact = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None);

        Assert.Equal(bytes, artifact.Bytes);
        Assert.Equal(expectedGets, sut.Requests.Count(HttpMethod.Get, "/model.onnx"));
    }

    [Fact]
    public async Task FetchAsync_ToFile_StreamsRangedPartsIntoTheNamedFile()
    {
        var id = RadosgwFixture.NewId("tofile");
        var bytes = RandomBytes((3 * 1024 * 1024) + 7);
        await s3.PutModelAsync(id, 1, bytes);
        var options = s3.Options();
        options.PartSizeBytes = 1024 * 1024;
        using var sut = s3.CreateStore(options);
        var path = Path.Combine(Path.GetTempPath(), $"{id}.onnx");
        long askedFor = 0;

        try
        {
            var artifact = await sut.Store.FetchAsync(new(id, 1), long.MaxValue, size => { askedFor = size; return path; }, CancellationToken.None);

            Assert.Equal(bytes.Length, askedFor);
            Assert.Equal(path, artifact.FilePath);
            Assert.Null(artifact.Bytes);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
