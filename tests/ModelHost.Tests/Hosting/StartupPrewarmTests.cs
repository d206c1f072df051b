using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MultiModel.ModelHost.Hosting;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Hosting;

public sealed class StartupPrewarmTests
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
    public async Task PrewarmHealthCheck_UntilStartupPrewarmIsDone_IsUnhealthy()
    {
        var check = new PrewarmHealthCheck();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        check.MarkDone();

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
