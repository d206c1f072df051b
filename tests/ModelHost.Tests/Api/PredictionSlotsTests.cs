using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Api;

public sealed class PredictionSlotsTests
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    [Fact]
    public async Task Predict_EverySlotTakenAndNoQueue_Gets503WithRetryAfterNamingTheSettings()
    {
        using var app = new ModelHostApp(new() { ["ModelHost:Requests:MaxConcurrentPredictions"] = "1", ["ModelHost:Requests:MaxQueuedPredictions"] = "0" });
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = app.CreateClient();
        var slots = app.Services.GetRequiredService<PredictionSlots>();

        using (await slots.AcquireAsync(CancellationToken.None))
        {
            var refused = await client.PredictRawAsync("/models/m/predict", Body);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("MaxConcurrentPredictions", (await refused.JsonAsync()).GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/m/predict", Body)).StatusCode);
    }

    [Fact]
    public async Task Predict_EverySlotTaken_WaitsInTheQueueUntilOneIsFree()
    {
        using var app = new ModelHostApp(new() { ["ModelHost:Requests:MaxConcurrentPredictions"] = "1" });
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = app.CreateClient();
        var slots = app.Services.GetRequiredService<PredictionSlots>();
        await client.PredictRawAsync("/models/m/predict", Body); // loaded, so only the slot is waited for

        var held = await slots.AcquireAsync(CancellationToken.None);
        var queued = client.PredictRawAsync("/models/m/predict", Body);
        await Eventually.HoldsAsync(() => slots.QueuedCount == 1, "The request did not queue for the slot.");
        Assert.False(queued.IsCompleted);
        held.Dispose();

        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
    }

    [Fact]
    public async Task Predict_QueuedForASlot_DoesNotKeepItsModelInMemory()
    {
        // Two ~400 KB models in a 1 MB budget, so loading one evicts the other.
        using var app = new ModelHostApp(new()
        {
            ["ModelHost:Requests:MaxConcurrentPredictions"] = "1",
            ["ModelHost:Cache:BudgetMegabytes"] = "1",
            ["ModelHost:Cache:MemoryFactor"] = "2",
            ["ModelHost:Cache:MeasureLoadMemory"] = "false",
        });
        app.AddModel("queued", 1, TestModelFactory.Mlp(2, 20_000, 2, seed: 1));
        app.AddModel("other", 1, TestModelFactory.Mlp(2, 20_000, 2, seed: 2));
        var client = app.CreateClient();
        await client.PredictRawAsync("/models/queued/predict", Body);
        var queuedModel = app.Cache.Snapshot().Models.Single();
        var slots = app.Services.GetRequiredService<PredictionSlots>();

        var held = await slots.AcquireAsync(CancellationToken.None);
        var queued = client.PredictRawAsync("/models/queued/predict", Body);
        await Eventually.HoldsAsync(() => slots.QueuedCount == 1, "The request did not queue for the slot.");
        await app.Cache.AcquireAsync(new("other", 1), CancellationToken.None).AsTask().ContinueWith(lease => lease.Result.Dispose());

        Assert.True(await Eventually.TrueAsync(() => queuedModel.IsDisposed), "the evicted model should be freed while its request waits");
        held.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
    }

    [Fact]
    public async Task Predict_WhileAColdModelLoads_LoadedModelsAreServedBesideIt()
    {
        var (app, client, gate, cold) = await StartHeldColdLoadAsync(new() { ["ModelHost:Requests:MaxConcurrentPredictions"] = "1" });
        using (app)
        {
            // The only slot was the cold request's: the warm one is served only if it gave the slot up for the load.
            var warm = await client.PredictRawAsync("/models/warm/predict", Body).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            Assert.False(cold.IsCompleted);
            gate.SetResult();
            Assert.Equal(HttpStatusCode.OK, (await cold).StatusCode);
        }
    }

    [Fact]
    public async Task Predict_NoRoomToAwaitLoadsWithoutASlot_TheColdRequestKeepsItsSlotThroughTheLoad()
    {
        var (app, client, gate, cold) = await StartHeldColdLoadAsync(new()
        {
            ["ModelHost:Requests:MaxConcurrentPredictions"] = "1",
            ["ModelHost:Requests:MaxPredictionsAwaitingLoad"] = "0",
        });
        using (app)
        {
            var slots = app.Services.GetRequiredService<PredictionSlots>();
            var warm = client.PredictRawAsync("/models/warm/predict", Body);
            await Eventually.HoldsAsync(() => slots.QueuedCount == 1, "The warm request did not queue for the slot.");
            Assert.False(warm.IsCompleted, "with no room to await a load without a slot, the warm request waits for the slot");

            gate.SetResult();
            Assert.Equal(HttpStatusCode.OK, (await cold).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await warm).StatusCode);
        }
    }

    // "warm" loaded, then a request for "cold" whose load is held until the returned gate is completed.
    private static async Task<(ModelHostApp App, HttpClient Client, TaskCompletionSource Gate, Task<HttpResponseMessage> Cold)> StartHeldColdLoadAsync(
        Dictionary<string, string?> settings)
    {
        var app = new ModelHostApp(settings);
        app.AddModel("warm", 1, TestModelFactory.Mlp(2, 8, 2, seed: 1));
        app.AddModel("cold", 1, TestModelFactory.Mlp(2, 8, 2, seed: 2));
        var client = app.CreateClient();
        await client.PredictRawAsync("/models/warm/predict", Body);
        var gate = app.Store.Hold("cold");
        var cold = client.PredictRawAsync("/models/cold/predict", Body);
        Assert.True(await Eventually.TrueAsync(() => app.Store.FetchCount("cold") == 1), "the cold model's load should have started");
        return (app, client, gate, cold);
    }
}
