using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class RevalidationTests : IDisposable
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";
    private readonly ModelHostApp _app = new(fakeTime: true); // RevalidateAfter is 30 s in tests

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_ModelOverwritten_OldServesUntilTheNewOneIsLoadedAfterTheInterval()
    {
        var original = TestModelFactory.Mlp(2, 6, 2, seed: 1);
        var replacement = TestModelFactory.Mlp(2, 6, 2, seed: 2);
        var path = _app.AddModel("m", 1, original);
        var client = _app.CreateClient();
        var before = await (await client.PredictRawAsync("/models/m/predict", Body)).JsonAsync();

        _app.AddModel("m", 1, replacement);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // a different ETag even on coarse file clocks
        var withinInterval = await (await client.PredictRawAsync("/models/m/predict", Body)).JsonAsync();
        _app.Time!.Advance(TimeSpan.FromSeconds(31));
        var stale = await (await client.PredictRawAsync("/models/m/predict", Body)).JsonAsync();

        Assert.Equal(DirectRun.Mlp(original, [0.5f, -0.5f], 2), before.OutputFloats("y"));
        Assert.Equal(before.OutputFloats("y"), withinInterval.OutputFloats("y"));
        Assert.Equal(before.OutputFloats("y"), stale.OutputFloats("y")); // served while the new one loads
        var expected = DirectRun.Mlp(replacement, [0.5f, -0.5f], 2);
        Assert.True(await Eventually.TrueAsync(async () =>
            (await (await client.PredictRawAsync("/models/m/predict", Body)).JsonAsync()).OutputFloats("y").SequenceEqual(expected)));
        Assert.Equal(2, _app.Store.FetchCount("m"));
    }

    [Fact]
    public async Task Predict_ModelUnchanged_IsRevalidatedWithoutAnotherFetch()
    {
        _app.AddModel("m", 1, TestModelFactory.Mlp(2, 6, 2));
        var client = _app.CreateClient();
        await client.PredictRawAsync("/models/m/predict", Body);

        _app.Time!.Advance(TimeSpan.FromSeconds(31));
        await client.PredictRawAsync("/models/m/predict", Body);
        var validatedAt = _app.Time.GetUtcNow();
        Assert.True(await Eventually.TrueAsync(() => _app.Cache.Snapshot().Models.Single().ValidatedAt == validatedAt));

        Assert.Equal(1, _app.Store.FetchCount("m"));
    }
}
