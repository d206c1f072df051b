using System.Net;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class LoadingTests
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    [Fact]
    public async Task Predict_32ConcurrentFirstRequests_LoadTheModelOnce()
    {
        // A request waits for its model's load in a prediction slot (it holds its checked body meanwhile); with 32 slots
        // all 32 wait on the one load at once, instead of the rest queueing for a slot.
        using var app = new ModelHostApp(new() { ["ModelHost:Requests:MaxConcurrentPredictions"] = "32" });
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var gate = app.Store.Hold("m");
        var client = app.CreateClient();

        var requests = Enumerable.Range(0, 32).Select(_ => client.PredictRawAsync("/models/m/predict", Body)).ToArray();
        Assert.True(await Eventually.TrueAsync(() => app.Cache.Snapshot().Misses == 32), "all 32 requests should be waiting on the load");
        gate.SetResult();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, app.Store.FetchCount("m"));
        Assert.Equal(1, app.Cache.Snapshot().Loads);
    }

    [Fact]
    public async Task Predict_WhileAnotherModelLoads_DoesNotWaitForIt()
    {
        using var app = new ModelHostApp();
        app.AddModel("slow", 1, TestModelFactory.Mlp(2, 8, 2));
        app.AddModel("fast", 1, TestModelFactory.Mlp(2, 8, 2));
        var gate = app.Store.Hold("slow");
        var client = app.CreateClient();

        var slow = client.PredictRawAsync("/models/slow/predict", Body);
        Assert.True(await Eventually.TrueAsync(() => app.Store.FetchCount("slow") == 1));
        var fast = await client.PredictRawAsync("/models/fast/predict", Body);

        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.False(slow.IsCompleted);
        gate.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await slow).StatusCode);
    }

    [Fact]
    public async Task Predict_MoreColdModelsThanLoadSlots_LoadsWaitForASlot()
    {
        using var app = new ModelHostApp(new() { ["ModelHost:Cache:MaxConcurrentLoads"] = "1" });
        app.AddModel("a", 1, TestModelFactory.Mlp(2, 8, 2));
        app.AddModel("b", 1, TestModelFactory.Mlp(2, 8, 2));
        var gate = app.Store.Hold("a");
        var client = app.CreateClient();

        var first = client.PredictRawAsync("/models/a/predict", Body);
        Assert.True(await Eventually.TrueAsync(() => app.Store.FetchCount("a") == 1));
        var second = client.PredictRawAsync("/models/b/predict", Body);
        Assert.True(await Eventually.TrueAsync(() => app.Cache.Snapshot().Misses == 2));

        Assert.Equal(0, app.Store.FetchCount("b"));
        gate.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Equal(1, app.Store.FetchCount("b"));
    }

    [Fact]
    public async Task Predict_StoreSilentOnAFetch_Gets503WithRetryAfterWithinTheWaitLimitAndTheLoadGoesOn()
    {
        using var app = new ModelHostApp(new() { ["ModelHost:Cache:MaxStoreWait"] = "00:00:00.500" });
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var gate = app.Store.Hold("m");
        var client = app.CreateClient();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var waited = await client.PredictRawAsync("/models/m/predict", Body);
        var answeredAfter = started.Elapsed;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.NotNull(waited.Headers.RetryAfter);
        Assert.Contains("has not delivered m/1 within 0.5 s", (await waited.JsonAsync()).GetProperty("detail").GetString());
        Assert.True(answeredAfter < TimeSpan.FromSeconds(5), $"answered after {answeredAfter}");
        gate.SetResult();
        Assert.True(await Eventually.TrueAsync(() => app.Cache.Snapshot().Loads == 1));
        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/m/predict", Body)).StatusCode);
        Assert.Equal(1, app.Store.FetchCount("m")); // the first request's load, not a second one
    }
}
