using System.Net;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Caching;

/// <summary>The host's metrics count what GET /models counts, per model and version, and never name a model the store does not have.</summary>
public sealed class CacheMetricsTests : IDisposable
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    // Charges are exactly the file size, so two ~400 KB models fit the 1 MB budget and a third evicts one.
    private readonly ModelHostApp _app = new(ModelHostApp.ChargedByFileSize(budgetMegabytes: 1));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_LoadThenHit_CountsOneMissOneHitOneLoadAndTwoRequestsOfTheModel()
    {
        _app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = _app.CreateClient();
        using var metrics = new MetricRecorder(_app.Services);

        await client.PredictRawAsync("/models/m/predict", Body);
        await client.PredictRawAsync("/models/m/predict", Body);

        Assert.All(new[] { "multimodel.cache.misses", "multimodel.cache.hits", "multimodel.model.loads", "multimodel.model.load.duration" }, name =>
            Assert.Equal(("m", "1"), Model(Assert.Single(metrics.Of(name)))));
        var requests = metrics.Of("multimodel.prediction.duration");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request => Assert.Equal(("m", "1", "200"), (request.Tag(ModelTags.Id), request.Tag(ModelTags.Version), request.Tag(PredictionMetrics.StatusCode))));
        Assert.Equal(2, metrics.Of("multimodel.prediction.inference.duration").Count);
    }

    [Theory]
    [InlineData("/models/nope/predict", HttpStatusCode.NotFound, ModelTags.UnknownModel)]
    [InlineData("/models/nope/versions/3/predict", HttpStatusCode.NotFound, ModelTags.UnknownModel)]
    [InlineData("/models/m/versions/3/predict", HttpStatusCode.NotFound, "m")]
    [InlineData("/models/Not..An-Id/predict", HttpStatusCode.BadRequest, ModelTags.UnknownModel)]
    public async Task Predict_ModelOrVersionTheStoreDoesNotHave_IsCountedUnderItsListedModelOrTheUnknownOne(string path, HttpStatusCode status, string countedUnder)
    {
        _app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = _app.CreateClient();
        using var metrics = new MetricRecorder(_app.Services);

        var response = await client.PredictRawAsync(path, Body);

        Assert.Equal(status, response.StatusCode);
        var request = Assert.Single(metrics.Of("multimodel.prediction.duration"));
        Assert.Equal(((int)status).ToString(), request.Tag(PredictionMetrics.StatusCode));
        Assert.Equal(countedUnder, request.Tag(ModelTags.Id));
        Assert.False(request.Tags.ContainsKey(ModelTags.Version)); // the version was the caller's to make up
        Assert.Empty(metrics.Of("multimodel.cache.misses"));
    }

    [Fact]
    public async Task Predict_ThirdModelOverBudget_CountsTheEvictionAndTheEvictedModelIsChargedNothing()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            _app.AddModel(id, 1, TestModelFactory.Mlp(2, 20_000, 2, seed: id[0]));
        }

        var client = _app.CreateClient();
        using var metrics = new MetricRecorder(_app.Services);
        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync($"/models/{id}/predict", Body)).StatusCode);
        }

        var eviction = Assert.Single(metrics.Of("multimodel.model.evictions"));
        Assert.Equal(("a", "1"), Model(eviction));
        Assert.Equal("budget", eviction.Tag("multimodel.eviction.cause"));
        var charged = metrics.Of("multimodel.model.memory.charged");
        Assert.Equal(0, charged.Where(change => change.Tag(ModelTags.Id) == "a").Sum(change => change.Value));
        Assert.Equal(_app.Cache.UsedBytes, charged.Sum(change => change.Value));
        Assert.Equal(_app.Cache.BudgetBytes, metrics.Of("multimodel.cache.memory.limit").Last().Value);
        Assert.Equal(_app.Cache.UsedBytes, metrics.Of("multimodel.cache.memory.usage").Last().Value);
        Assert.True(metrics.Of("multimodel.process.memory.resident").Last().Value > 0);
        Assert.Equal(0, metrics.Of("multimodel.cache.active_loads").Last().Value);
    }

    private static (string?, string?) Model(MetricRecorder.Measurement measurement) =>
        (measurement.Tag(ModelTags.Id), measurement.Tag(ModelTags.Version));
}
