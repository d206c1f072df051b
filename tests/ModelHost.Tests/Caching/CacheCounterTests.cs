using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Caching;

/// <summary>
/// The counters of GET /models mean one thing everywhere: a hit is a request that found its model loaded, a miss one
/// that had to wait for a load, and a request for a model the store does not have is neither.
/// </summary>
public sealed class CacheCounterTests
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    [Fact]
    public async Task Predict_FirstRequestLoadsTheModel_IsAMissOfTheModelAndOfTheCache()
    {
        using var app = new ModelHostApp();
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = app.CreateClient();

        await client.PredictRawAsync("/models/m/predict", Body);
        var afterLoad = await (await client.GetAsync("/models")).JsonAsync();
        await client.PredictRawAsync("/models/m/predict", Body);
        var afterHit = await (await client.GetAsync("/models")).JsonAsync();

        Assert.Equal((0, 1, 0), Counters(afterLoad));
        Assert.Equal((1, 1, 1), Counters(afterHit));
    }

    [Theory]
    [InlineData("/models/m/versions/9/predict")] // the model exists, the version does not
    [InlineData("/models/nope/versions/1/predict")] // pinned: the store is asked and has nothing
    [InlineData("/models/nope/predict")] // unpinned: the version listing is empty
    public async Task Predict_ModelOrVersionTheStoreDoesNotHave_Is404AndNoCacheLookup(string path)
    {
        using var app = new ModelHostApp();
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = app.CreateClient();

        var response = await client.PredictRawAsync(path, Body);
        var cache = await (await client.GetAsync("/models")).JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, cache.GetProperty("hits").GetInt64());
        Assert.Equal(0, cache.GetProperty("misses").GetInt64());
    }

    /// <summary>The cache's hits and misses, and the hits of its single model.</summary>
    private static (long CacheHits, long CacheMisses, long ModelHits) Counters(JsonElement cache) => (
        cache.GetProperty("hits").GetInt64(),
        cache.GetProperty("misses").GetInt64(),
        Assert.Single(cache.GetProperty("models").EnumerateArray()).GetProperty("hits").GetInt64());
}
