using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>The app as `dotnet run` starts it: the embedded default store with the sample models it ships.</summary>
public sealed class SampleModelsTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client;

    public SampleModelsTests(WebApplicationFactory<Program> factory) => _client = factory.CreateClient();

    [Fact]
    public async Task Predict_IrisSample_LabelsTheFlowersWithTheHighestVersion()
    {
        var response = await _client.PredictRawAsync("/models/iris/predict", """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(2, body.GetProperty("modelVersion").GetInt32());
        var labels = body.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("label").GetString());
        Assert.Equal(["setosa", "virginica"], labels);
    }

    [Fact]
    public async Task Predict_HousePriceSample_IsCloseToTheFormulaItWasTrainedOn()
    {
        var response = await _client.PredictRawAsync("/models/house-price/predict", """{"inputs": {"features": [[180, 4, 5, 20]]}}""");

        var price = Assert.Single((await response.JsonAsync()).OutputFloats("Score.output"));
        Assert.InRange(price, 481.5f - 20, 481.5f + 20); // 40 + 2.6·180 + 12·4 − 0.9·5 − 3.5·20 = 481.5, noise sd 20
    }

    [Fact]
    public async Task OpenApi_DocumentDescribesThePredictEndpoint()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();

        var predict = document.GetProperty("paths").GetProperty("/models/{id}/predict").GetProperty("post");
        Assert.True(predict.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(predict.GetProperty("responses").TryGetProperty("507", out _));
    }
}
