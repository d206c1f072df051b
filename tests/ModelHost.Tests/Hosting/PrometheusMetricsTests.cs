using System.Net;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>
/// The real host's /metrics, read as Prometheus reads it. Meters are global to a process, so hosts of tests running
/// beside these ones publish into the same series: each test uses model ids no other test uses.
/// </summary>
public sealed class PrometheusMetricsTests
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

    [Fact]
    public async Task Metrics_AfterALoadAHitAndABadInput_CountsEachRequestAndTheHitAndMissOfTheModel()
    {
        using var app = new ModelHostApp();
        var id = UniqueId("scraped");
        app.AddModel(id, 1, TestModelFactory.Mlp(2, 8, 2));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync($"/models/{id}/predict", Body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync($"/models/{id}/versions/1/predict", Body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PredictRawAsync($"/models/{id}/predict", """{"inputs":{"y":[[1,2]]}}""")).StatusCode);
        var samples = await ScrapeAsync(client);

        (string, string)[] model = [("model_id", id), ("model_version", "1")];
        Assert.Equal(2, samples.Single("multimodel_prediction_duration_seconds_count", [.. model, ("http_response_status_code", "200")]));
        Assert.Equal(1, samples.Single("multimodel_prediction_duration_seconds_count", [.. model, ("http_response_status_code", "400")]));
        Assert.Equal(2, samples.Single("multimodel_cache_hits_total", model));
        Assert.Equal(1, samples.Single("multimodel_cache_misses_total", model));
        Assert.Equal(1, samples.Single("multimodel_model_loads_total", model));
        Assert.Equal(2, samples.Single("multimodel_prediction_inference_duration_seconds_count", model));
    }

    [Fact]
    public async Task Metrics_UnknownIdRequestedEveryWay_IsNeverALabelValue()
    {
        using var app = new ModelHostApp();
        var unknown = UniqueId("never-uploaded");
        var client = app.CreateClient();

        foreach (var path in new[] { $"/models/{unknown}/predict", $"/models/{unknown}/versions/7/predict", $"/v2/models/{unknown}/infer" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PredictRawAsync(path, Body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/models/{unknown}")).StatusCode);
        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(unknown, text, StringComparison.Ordinal);
        var notFound = PrometheusText.Parse(text).Where(sample => sample.Name == "multimodel_prediction_duration_seconds_count"
            && sample.Labels.GetValueOrDefault("http_response_status_code") == "404" && sample.Labels.GetValueOrDefault("model_id") == ModelTags.UnknownModel);
        Assert.True(notFound.Sum(sample => sample.Value) >= 3, "the three 404s are counted, under the one unknown model");
    }

    [Fact]
    public async Task Metrics_PrometheusSwitchedOff_HasNoScrapeEndpoint()
    {
        using var app = new ModelHostApp(new() { ["Metrics:Prometheus:Enabled"] = "false" });

        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<IReadOnlyList<PrometheusText.Sample>> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
