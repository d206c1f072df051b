using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Caching;

/// <summary>
/// Charges measured from real loads. Native allocations are counted process-wide, so these tests run alone: a test
/// loading models beside them would be counted with theirs.
/// </summary>
[Collection(MeasuredMemory.Name)]
public sealed class ChargeTests : IDisposable
{
    private static readonly string Body = JsonSerializer.Serialize(new { inputs = new { x = DirectRun.Rows(DirectRun.Inputs(1, 256, seed: 1), 256) } });

    // Two ~4 MB models in a 6 MB budget: loading one evicts the other.
    private readonly ModelHostApp _app = new(new() { ["ModelHost:Cache:BudgetMegabytes"] = "6" });

    public ChargeTests()
    {
        // Sessions an earlier test left to their finalizers (a lease or a session it never disposed) are freed now:
        // freed while this test measures, they would be counted against this one's model.
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    public void Dispose() => _app.Dispose();

    [SkippableFact]
    public async Task Load_MeasuredCharge_IsWhatTheSessionHoldsNotTheFactorEstimate()
    {
        Skip.IfNot(ProcessMemory.CanCountNativeAllocations, "native allocations are counted on glibc only");
        var path = _app.AddModel("a", 1, FourMegabyteModel(1));
        var fileBytes = new FileInfo(path).Length;

        await Ok("a");

        var model = Assert.Single(_app.Cache.Snapshot().Models);
        Assert.Equal(model.ChargeBytes, model.Charge.MeasuredBytes);
        // An MLP's session holds its weights once (prepacked in place of the originals), not MemoryFactor (1.5) times.
        Assert.InRange(model.ChargeBytes, 0.9 * fileBytes, 1.3 * fileBytes);
    }

    [SkippableFact]
    public async Task Reload_AfterEviction_IsChargedAtLeastWhatTheFirstLoadMeasured()
    {
        Skip.IfNot(ProcessMemory.CanCountNativeAllocations, "native allocations are counted on glibc only");
        _app.AddModel("a", 1, FourMegabyteModel(1));
        _app.AddModel("b", 1, FourMegabyteModel(2));

        await Ok("a");
        var first = _app.Cache.Snapshot().Models.Single(model => model.Ref.Id == "a").ChargeBytes;
        await Ok("b"); // evicts a
        await Ok("a"); // reloads it into memory the allocator may reuse
        var reloaded = _app.Cache.Snapshot().Models.Single(model => model.Ref.Id == "a");

        Assert.Equal(2, _app.Store.FetchCount("a"));
        Assert.True(reloaded.ChargeBytes >= first, $"reload charged {reloaded.ChargeBytes}, first load {first}");
    }

    [SkippableFact]
    public async Task Load_WeightsInAnExternalDataFile_AreChargedAndCountedAsFileBytes()
    {
        var external = TestModelFactory.MlpWithExternalData(256, 4000, 8, seed: 3);
        _app.AddModel("external", 1, external);

        await Ok("external");

        var model = Assert.Single(_app.Cache.Snapshot().Models);
        Assert.Equal(external.Graph.Length + external.Data.Length, model.FileBytes);
        Assert.True(model.ChargeBytes >= 0.9 * external.Data.Length, $"charged {model.ChargeBytes} for {external.Data.Length} bytes of weights");
    }

    // A usual shape: a layer only 2 wide is prepacked into panels several times its size, which a charge rightly shows.
    private static byte[] FourMegabyteModel(int seed) => TestModelFactory.Mlp(256, 4000, 8, seed: seed);

    private async Task Ok(string id) =>
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().PredictRawAsync($"/models/{id}/predict", Body)).StatusCode);
}
