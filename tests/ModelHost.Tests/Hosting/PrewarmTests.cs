using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MultiModel.ModelHost.Hosting;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Hosting;

public sealed class PrewarmTests
{
    [Fact]
    public async Task Start_WithPrewarmList_LoadsThoseModelsBeforeReportingReadyAndSurvivesAMissingOne()
    {
        using var app = new ModelHostApp(new()
        {
            ["ModelHost:Prewarm:Models:0"] = "a",
            ["ModelHost:Prewarm:Models:1"] = "b/1",
            ["ModelHost:Prewarm:Models:2"] = "missing",
        });
        app.AddModel("a", 1, TestModelFactory.Mlp(2, 4, 2));
        app.AddModel("a", 2, TestModelFactory.Mlp(2, 4, 2));
        app.AddModel("b", 1, TestModelFactory.Mlp(2, 4, 2));
        app.AddModel("b", 2, TestModelFactory.Mlp(2, 4, 2));

        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True((await ready.JsonAsync()).GetProperty("ready").GetBoolean());
        var loaded = app.Cache.Snapshot().Models.Select(model => model.Ref.ToString()).Order();
        Assert.Equal(["a/2", "b/1"], loaded);
    }

    [Fact]
    public async Task AdminPrewarm_LoadsModelsAndReportsEachOutcome()
    {
        using var app = new ModelHostApp();
        app.AddModel("a", 1, TestModelFactory.Mlp(2, 4, 2));
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/admin/prewarm", new { models = new[] { "a", "nope", "a/x" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = (await response.JsonAsync()).EnumerateArray().ToDictionary(o => o.GetProperty("model").GetString()!, o => o.GetProperty("status").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 200, ["nope"] = 404, ["a/x"] = 400 }, outcomes);
        Assert.Equal(1, app.Store.FetchCount("a"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/admin/prewarm", new { models = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReadyAnswerAtOurPathsAndTheOpenInferenceProtocolPaths()
    {
        using var app = new ModelHostApp();
        var client = app.CreateClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/v2/health/live", "/v2/health/ready" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty(path.EndsWith("/live", StringComparison.Ordinal) ? "live" : "ready").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/health/live", null)).StatusCode);
    }

    [Fact]
    public async Task PrewarmHealthCheck_UntilStartupPrewarmIsDone_IsUnhealthy()
    {
        var check = new PrewarmHealthCheck();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        check.MarkDone();

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
