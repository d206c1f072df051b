using System.Net;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class FailedLoadTests : IDisposable
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";
    private readonly ModelHostApp _app = new(new() { ["ModelHost:Cache:FailedLoadRetryAfter"] = "00:00:05" }, fakeTime: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_CorruptModel_FailsClearlyIsNotReloadedEachTimeAndFixedModelIsPickedUp()
    {
        var path = _app.AddModel("broken", 1, TestModelFactory.Mlp(2, 4, 2));
        File.WriteAllBytes(path, [0x08, 0x07, 0xFF, 0xFF, 0x00, 0x13]);
        _app.AddModel("healthy", 1, TestModelFactory.Mlp(2, 4, 2));
        var client = _app.CreateClient();

        var first = await client.PredictRawAsync("/models/broken/predict", Body);
        var second = await client.PredictRawAsync("/models/broken/predict", Body);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        var problem = await first.JsonAsync();
        Assert.Equal("Model failed to load", problem.GetProperty("title").GetString());
        Assert.Contains("ONNX Runtime could not load broken/1", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(Path.GetDirectoryName(path)!, problem.GetProperty("detail").GetString()); // no server path
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(1, _app.Store.FetchCount("broken")); // remembered, not reloaded
        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/healthy/predict", Body)).StatusCode);
        Assert.DoesNotContain(_app.Cache.Snapshot().Models, model => model.Ref.Id == "broken");

        _app.AddModel("broken", 1, TestModelFactory.Mlp(2, 4, 2)); // fixed in place
        _app.Time!.Advance(TimeSpan.FromSeconds(6));
        var fixedResponse = await client.PredictRawAsync("/models/broken/predict", Body);

        Assert.Equal(HttpStatusCode.OK, fixedResponse.StatusCode);
        Assert.Equal(2, _app.Store.FetchCount("broken"));
    }

    [Fact]
    public async Task Predict_SidecarThatDoesNotFitTheModel_FailsTheLoadWithTheReason()
    {
        _app.AddModel("mislabelled", 1, TestModelFactory.Mlp(2, 4, 3), """{"labels":["only","two"]}""");

        var response = await _app.CreateClient().PredictRawAsync("/models/mislabelled/predict", Body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("could; set \"scoresOutput\"", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Predict_MissingModelThenUploaded_IsServedOnTheNextRequest()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PredictRawAsync("/models/later/predict", Body)).StatusCode);

        _app.AddModel("later", 1, TestModelFactory.Mlp(2, 4, 2));

        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/later/predict", Body)).StatusCode);
    }
}
