using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using MultiModel.Router.Tests.Support;
using static MultiModel.Router.Tests.Support.PrometheusText;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>
/// The router's /metrics, read as Prometheus reads it. Meters are global to a process and routers of other tests run
/// beside these, so each test names its rule uniquely and its backend has a port of its own.
/// </summary>
public sealed class ForwardMetricsTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("a");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Metrics_ForwardedAndUnroutedRequests_CountedPerRuleTargetAndStatusWithoutModelIds()
    {
        var rule = $"metrics-{Guid.NewGuid():N}";
        var unrouted = $"unrouted-{Guid.NewGuid():N}";
        await using var router = RouterFactory.WithRulesFile(File((rule, Exact("iris", Target(_backend.Url)))));
        var client = router.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/models/iris/predict", Json())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/models/{unrouted}/predict", Json())).StatusCode);
        var text = await client.GetStringAsync("/metrics");

        var target = ("multimodel_route_target", _backend.Url.TrimEnd('/'));
        Assert.Equal(2, Sample(text, "multimodel_router_requests_total", ("multimodel_route_rule", rule), target, ("http_response_status_code", "200")));
        Assert.Equal(2, Sample(text, "multimodel_router_upstream_duration_seconds_count", ("multimodel_route_rule", rule), target));
        Assert.DoesNotContain(unrouted, text, StringComparison.Ordinal);
        Assert.DoesNotContain("model_id", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RetriesAndCircuitChanges_CountedPerTarget()
    {
        var failing = false;
        _backend.Respond = (ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // busy, come back now: retried
                ctx.Response.Headers.RetryAfter = "0";
                return Task.FromResult(true);
            }

            ctx.Response.StatusCode = failing ? StatusCodes.Status502BadGateway : StatusCodes.Status200OK;
            return Task.FromResult(failing);
        };
        await using var router = RouterFactory.WithRulesFile(File(($"metrics-{Guid.NewGuid():N}", Exact("iris", Target(_backend.Url)))), BreakerSettings.Quick);
        var client = router.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/models/iris/predict", Json())).StatusCode);
        failing = true;
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync("/models/iris/predict", Json());
        }

        failing = false;
        router.Time.Advance(BreakerSettings.BreakDuration);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/models/iris/predict", Json())).StatusCode);
        var text = await client.GetStringAsync("/metrics");

        var target = ("multimodel_route_target", _backend.Url.TrimEnd('/'));
        Assert.Equal(1, Sample(text, "multimodel_router_retries_total", target));
        foreach (var state in (string[])["opened", "half_open", "closed"])
        {
            Assert.Equal(1, Sample(text, "multimodel_router_circuit_changes_total", target, ("multimodel_circuit_state", state)));
        }
    }

    private static StringContent Json() => new("""{"inputs":[[1,2,3,4]]}""", Encoding.UTF8, "application/json");
}
