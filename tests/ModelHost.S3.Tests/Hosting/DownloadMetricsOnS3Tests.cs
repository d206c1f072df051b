using System.Net;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

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
        // ~165 KB models charged at 1.5x against a 1 MB memory budget: the fifth load evicts the first.
        var models = Enumerable.Range(0, 5).Select(i => (Id: RadosgwFixture.NewId($"dlm{i}"), Bytes: TestModelFactory.Mlp(4, 10_000, 3, seed: i + 1))).ToArray();
        foreach (var (id, bytes) in models)
        {
            await s3.PutModelAsync(id, 1, bytes);
        }

        using var app = new S3ModelHostApp(s3, new()
        {
            ["ModelHost:Cache:BudgetMegabytes"] = "1",
            ["ModelHost:Cache:MeasureLoadMemory"] = "false",
        });
        var client = app.CreateClient();
        using var metrics = new MetricRecorder(app.Services);
        foreach (var (id, _) in models)
        {
            Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, $"/models/{id}/predict")).StatusCode);
        }

        var first = models[0];
        var deadline = Environment.TickCount64 + 10_000; // eviction finishes off the request path
        while (app.Cache.Snapshot().Models.Any(model => model.Ref.Id == first.Id) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20);
        }

        Assert.DoesNotContain(app.Cache.Snapshot().Models, model => model.Ref.Id == first.Id);
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
