using System.Net;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>The whole host, over HTTP, with models in radosgw: what a client of a SageMaker-style endpoint sees.</summary>
[Collection(RadosgwCollection.Name)]
public sealed class ModelHostOnS3Tests(RadosgwFixture s3)
{
    [Fact]
    public async Task Predict_ModelUploadedAfterStart_404ThenServedOnTheNextRequest()
    {
        var id = RadosgwFixture.NewId("upload");
        using var app = new S3ModelHostApp(s3);
        var client = app.CreateClient();

        var before = await Predict.PostAsync(client, $"/models/{id}/predict");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        var after = await Predict.PostAsync(client, $"/models/{id}/predict");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(Predict.Direct(SmallModels.Small), await Predict.OutputAsync(after));
    }

    [Fact]
    public async Task Predict_32ConcurrentFirstRequests_ExactlyOneGetObjectAndOneListingOfTheModelAndOneOfItsVersion()
    {
        var id = RadosgwFixture.NewId("herdhttp");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var app = new S3ModelHostApp(s3);
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Predict.PostAsync(client, $"/models/{id}/predict")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, app.Requests.Count(HttpMethod.Get, $"/{id}/1/model.onnx"));
        // One listing of the model's versions, one of the version's folder (for external data files) by its one load.
        Assert.Equal(2, app.Requests.Listings($"{id}/"));
        Assert.Equal(1, app.Requests.Listings($"{id}/1/"));
    }

    [Fact]
    public async Task Predict_EvictedFromMemory_ReloadsFromDiskWithoutGetObject()
    {
        var models = await OverBudgetModels.UploadAsync(s3, "evict");
        using var app = new S3ModelHostApp(s3, OverBudgetModels.Settings());
        var client = app.CreateClient();
        await OverBudgetModels.LoadAllUntilTheFirstIsEvictedAsync(app, client, models);
        var first = models[0];
        var reloaded = await Predict.PostAsync(client, $"/models/{first.Id}/predict");

        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal(Predict.Direct(first.Bytes), await Predict.OutputAsync(reloaded));
        Assert.Equal(1, app.Requests.Count(HttpMethod.Get, $"/{first.Id}/1/model.onnx"));
        Assert.True(app.Cache.Snapshot().Loads >= 6);
    }

    [Fact]
    public async Task Predict_S3StoppedThenRestarted_CachedServesUncached503WithRetryAfterThenRecovers()
    {
        var cached = RadosgwFixture.NewId("cached");
        var uncached = RadosgwFixture.NewId("uncached");
        await s3.PutModelAsync(cached, 1, SmallModels.Small);
        await s3.PutModelAsync(uncached, 1, SmallModels.Small);
        using var app = new S3ModelHostApp(s3, new() { ["ModelHost:Cache:FailedLoadRetryAfter"] = "00:00:00" });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, $"/models/{cached}/versions/1/predict")).StatusCode);

        await s3.Server.StopGatewayAsync();
        HttpResponseMessage whileDownCached, whileDownUncached;
        try
        {
            whileDownCached = await Predict.PostAsync(client, $"/models/{cached}/versions/1/predict");
            whileDownUncached = await Predict.PostAsync(client, $"/models/{uncached}/versions/1/predict");
        }
        finally
        {
            await s3.Server.StartGatewayAsync();
        }

        var afterRestart = await Predict.PostAsync(client, $"/models/{uncached}/versions/1/predict");

        Assert.Equal(HttpStatusCode.OK, whileDownCached.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDownUncached.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), whileDownUncached.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
    }

    [Fact]
    public async Task Predict_CorruptObjectThenFixed_500ThenServedWithoutWaitingForTheDiskCopy()
    {
        var id = RadosgwFixture.NewId("corrupt");
        await s3.PutModelAsync(id, 1, "this is not an ONNX model"u8.ToArray());
        using var app = new S3ModelHostApp(s3, new() { ["ModelHost:Cache:FailedLoadRetryAfter"] = "00:00:00" });
        var client = app.CreateClient();

        var corrupt = await Predict.PostAsync(client, $"/models/{id}/predict");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        var fixedModel = await Predict.PostAsync(client, $"/models/{id}/predict");

        Assert.Equal(HttpStatusCode.InternalServerError, corrupt.StatusCode);
        Assert.Contains("failed to load", await corrupt.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, fixedModel.StatusCode);
        Assert.Equal(Predict.Direct(SmallModels.Small), await Predict.OutputAsync(fixedModel));
    }

    [Fact]
    public async Task Predict_ObjectOverwritten_NewModelServedAfterRevalidationWithoutRedownloadingUnchanged()
    {
        var id = RadosgwFixture.NewId("fresh");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var app = new S3ModelHostApp(s3, new() { ["ModelHost:Cache:RevalidateAfter"] = "00:00:00" });
        var client = app.CreateClient();
        var path = $"/models/{id}/versions/1/predict";
        Assert.Equal(Predict.Direct(SmallModels.Small), await Predict.OutputAsync(await Predict.PostAsync(client, path)));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, path)).StatusCode); // each hit revalidates: HEADs only
        }

        var getsBeforeOverwrite = app.Requests.Count(HttpMethod.Get, $"/{id}/1/model.onnx");
        await s3.PutModelAsync(id, 1, SmallModels.Other);
        var expected = Predict.Direct(SmallModels.Other);

        Assert.True(await Eventually.TrueAsync(async () => (await Predict.OutputAsync(await Predict.PostAsync(client, path))).SequenceEqual(expected)));
        Assert.Equal(1, getsBeforeOverwrite);
        Assert.True(app.Requests.Count(HttpMethod.Head, $"/{id}/1/model.onnx") >= 1);
    }
}
