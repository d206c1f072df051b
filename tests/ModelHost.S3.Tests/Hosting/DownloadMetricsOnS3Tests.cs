using System.Net;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>
/// Download bytes and time per model from radosgw, apart from the load: a reload from the disk tier loads the model
/// again without downloading it.
/// </summary>
[Collection(RadosgwCollection.Name)]
public sealed class DownloadMetricsOnS3Tests(RadosgwFixture s3)
{
    [Fact]
    public async Task Predict_DownloadedThenReloadedFromDisk_OneDownloadOfTheObjectsSizeButTwoLoads()
    {
        var models = await OverBudgetModels.UploadAsync(s3, "dlm");
        using var app = new S3ModelHostApp(s3, OverBudgetModels.Settings());
        var client = app.CreateClient();
        using var metrics = new MetricRecorder(app.Services);
        await OverBudgetModels.LoadAllUntilTheFirstIsEvictedAsync(app, client, models);
        var first = models[0];
        Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, $"/models/{first.Id}/predict")).StatusCode);

        Assert.Equal(2, metrics.Of("multimodel.model.loads").Count(load => load.Tag(ModelTags.Id) == first.Id));
        var sizes = metrics.Of("multimodel.model.download.size");
        foreach (var (id, bytes) in models)
        {
            var download = Assert.Single(sizes, size => size.Tag(ModelTags.Id) == id);
            Assert.Equal((bytes.Length, "1"), ((int)download.Value, download.Tag(ModelTags.Version)));
        }

        var durations = metrics.Of("multimodel.model.download.duration");
        Assert.Equal(models.Length, durations.Count);
        Assert.All(durations, duration => Assert.True(duration.Value > 0, "radosgw takes some time to deliver an object"));
    }
}
