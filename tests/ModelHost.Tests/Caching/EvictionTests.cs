using System.Net;
using System.Text;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class EvictionTests : IDisposable
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    // Charges are exactly the file size (factor 1, no measurement), so which models fit is known in advance:
    // each ~400 KB model (about 20 bytes per hidden unit) fits twice in the 1 MB budget, not three times.
    private readonly ModelHostApp _app = new(ModelHostApp.ChargedByFileSize(budgetMegabytes: 1));

    public void Dispose() => _app.Dispose();

    private static byte[] FourHundredKilobyteModel(int seed) => TestModelFactory.Mlp(2, 20_000, 2, seed: seed);

    [Fact]
    public async Task Predict_OverBudget_EvictsLeastRecentlyUsedFirst()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            _app.AddModel(id, 1, FourHundredKilobyteModel(id[0]));
        }

        var client = _app.CreateClient();
        await Ok(client, "a");
        await Ok(client, "b");
        await Ok(client, "a"); // a is now more recent than b
        await Ok(client, "c"); // must evict b

        await Ok(client, "a");
        Assert.Equal(1, _app.Store.FetchCount("a")); // a stayed
        Assert.Equal(1, _app.Store.FetchCount("c"));
        await Ok(client, "b");
        Assert.Equal(2, _app.Store.FetchCount("b")); // b had been evicted
        Assert.True(await Eventually.TrueAsync(() => _app.Cache.Snapshot().Evictions == 2));
        Assert.True(_app.Cache.UsedBytes <= _app.Cache.BudgetBytes);
    }

    [Fact]
    public async Task Predict_ModelLargerThanBudget_Gets507AndHostStaysHealthy()
    {
        _app.AddModel("huge", 1, TestModelFactory.Mlp(2, 150_000, 2));
        _app.AddModel("small", 1, FourHundredKilobyteModel(1));
        var client = _app.CreateClient();

        var response = await client.PredictRawAsync("/models/huge/predict", Body);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Contains("exceeds the cache budget", (await response.JsonAsync()).GetProperty("detail").GetString());
        await Ok(client, "small");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Predict_ModelThatFitsOnDiskButNotInMemory_Gets507NamingWhatItNeedsAndTheBudgetAsConfigured()
    {
        using var app = new ModelHostApp(new()
        {
            ["ModelHost:Cache:BudgetMegabytes"] = "1",
            ["ModelHost:Cache:MemoryFactor"] = "10",
            ["ModelHost:Cache:MeasureLoadMemory"] = "false",
        });
        app.AddModel("wide", 1, FourHundredKilobyteModel(1));

        var response = await app.CreateClient().PredictRawAsync("/models/wide/predict", Body);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString();
        Assert.Matches(@"needs [\d,]+ bytes \(3\.\d MB\) of memory \(estimated as 10 x its", detail);
        Assert.Contains("the whole cache budget of 1,048,576 bytes (1 MB), from ModelHost:Cache:BudgetMegabytes = 1", detail);
    }

    [Fact]
    public async Task Lease_ModelEvictedWhileInUse_SessionIsDisposedOnlyAfterTheLeaseEnds()
    {
        _app.AddModel("held", 1, FourHundredKilobyteModel(1));
        _app.AddModel("b", 1, FourHundredKilobyteModel(2));
        _app.AddModel("c", 1, FourHundredKilobyteModel(3));
        var client = _app.CreateClient();
        var lease = await _app.Cache.AcquireAsync(new ModelRef("held", 1), CancellationToken.None);
        var held = lease.Model;

        await Ok(client, "b");
        await Ok(client, "c");
        Assert.True(await Eventually.TrueAsync(() => _app.Cache.Snapshot().Models.All(model => model.Ref.Id != "held")), "held should be evicted");

        Assert.False(held.IsDisposed);
        using (var request = PredictionFormats.Native.Read(Encoding.UTF8.GetBytes(Body), held.Signature))
        {
            var prediction = Predictor.Run(lease.Onnx, request.Inputs, request.Outputs); // still runs on the evicted model
            prediction.Dispose();
        }

        Assert.False(held.IsDisposed); // the lease still holds it
        lease.Dispose();
        Assert.True(held.IsDisposed);
    }

    private static async Task Ok(HttpClient client, string id)
    {
        var response = await client.PredictRawAsync($"/models/{id}/predict", Body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
