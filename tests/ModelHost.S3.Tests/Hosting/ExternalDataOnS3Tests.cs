using System.Net;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>
/// A model whose weights sit in an external data file (<c>model.onnx</c> + <c>model.onnx.data</c>, as exporters write
/// models over protobuf's 2 GB limit), in radosgw: served like any model, its data file fetched beside it into the disk
/// tier, counted in its bytes and charge, and reloaded from the disk tier without a download.
/// </summary>
[Collection(RadosgwCollection.Name)]
public sealed class ExternalDataOnS3Tests(RadosgwFixture s3)
{
    private static readonly ExternalDataModel External = TestModelFactory.MlpWithExternalData(4, 2000, 3, seed: 5);
    private static readonly byte[] SameWeightsInOneFile = TestModelFactory.Mlp(4, 2000, 3, seed: 5);

    [Fact]
    public async Task Predict_ModelWithAnExternalDataFile_ServedThroughTheDiskTierAndCountedInItsBytes()
    {
        var id = RadosgwFixture.NewId("external");
        await s3.PutModelAsync(id, 1, External.Graph);
        await s3.PutAsync($"{id}/1/{ExternalDataModel.DataFileName}", External.Data);
        using var app = new S3ModelHostApp(s3);
        var client = app.CreateClient();

        var response = await Predict.PostAsync(client, $"/models/{id}/predict");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Predict.Direct(SameWeightsInOneFile), await Predict.OutputAsync(response));
        var model = Assert.Single(app.Cache.Snapshot().Models, loaded => loaded.Ref.Id == id);
        Assert.Equal(External.Graph.Length + External.Data.Length, model.FileBytes);
        Assert.True(model.ChargeBytes >= 0.9 * External.Data.Length, $"charged {model.ChargeBytes} for {External.Data.Length} bytes of weights");
        var copied = Directory.GetFiles(app.DiskDirectory, ExternalDataModel.DataFileName, SearchOption.AllDirectories);
        Assert.Equal(External.Data.Length, new FileInfo(Assert.Single(copied)).Length);
        Assert.Equal(1, app.Requests.Count(HttpMethod.Get, $"/{id}/1/{ExternalDataModel.DataFileName}"));
    }

    [Fact]
    public async Task Predict_ExternalDataModelAfterARestart_ServedFromTheDiskTierCopyWithoutADownload()
    {
        var id = RadosgwFixture.NewId("externalre");
        await s3.PutModelAsync(id, 1, External.Graph);
        await s3.PutAsync($"{id}/1/{ExternalDataModel.DataFileName}", External.Data);
        var disk = Path.Combine(Path.GetTempPath(), $"modelhost-disk-{Guid.NewGuid():N}");
        try
        {
            using (var first = new S3ModelHostApp(s3, new() { ["ModelHost:DiskCache:Directory"] = disk }))
            {
                Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(first.CreateClient(), $"/models/{id}/predict")).StatusCode);
            }

            using var restarted = new S3ModelHostApp(s3, new() { ["ModelHost:DiskCache:Directory"] = disk });
            var response = await Predict.PostAsync(restarted.CreateClient(), $"/models/{id}/predict");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Predict.Direct(SameWeightsInOneFile), await Predict.OutputAsync(response));
            Assert.Equal(0, restarted.Requests.Count(HttpMethod.Get, $"/{id}/1/{ExternalDataModel.DataFileName}"));
            Assert.Equal(0, restarted.Requests.Count(HttpMethod.Get, $"/{id}/1/model.onnx"));
        }
        finally
        {
            if (Directory.Exists(disk))
            {
                Directory.Delete(disk, recursive: true);
            }
        }
    }
}
