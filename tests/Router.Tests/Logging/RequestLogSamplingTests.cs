using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MultiModel.Router.Tests.Support;
using Serilog.Formatting.Compact;
using static MultiModel.Router.Tests.Support.PrometheusText;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Logging;

/// <summary>The default per-request lines: every error and slow request, one in ten of the rest, the rest counted.</summary>
public sealed class RequestLogSamplingTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("a");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Forwarded_DefaultSettings_EveryErrorAndSlowLineKeptOneInTenSuccessesWrittenRestCounted()
    {
        const int slowRequest = 7;
        var failing = new HashSet<int> { 3, 12, 20 };
        _backend.Respond = async (ctx, n) =>
        {
            if (failing.Contains(n))
            {
                ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return true;
            }

            if (n == slowRequest)
            {
                await Task.Delay(300); // past the SlowUpstream set below: a real upstream time, measured by the router
            }

            return false;
        };
        var rule = $"sampling-{Guid.NewGuid():N}";
        await using var router = RouterFactory.WithRulesFile(File((rule, Exact("iris", Target(_backend.Url)))),
            new Dictionary<string, string?> { ["Router:Logging:SlowUpstream"] = "00:00:00.250" });
        var client = router.CreateClient();

        var ids = new Dictionary<int, string>();
        for (var n = 1; n <= 25; n++)
        {
            using var response = await client.PostAsync("/models/iris/predict", null);
            Assert.Equal(failing.Contains(n) ? HttpStatusCode.InternalServerError : HttpStatusCode.OK, response.StatusCode);
            ids[n] = response.Headers.GetValues("X-Request-Id").Single();
        }

        // 21 fast successes (requests 1, 2, 4, 5, 6, 8, ...): the 1st, 11th and 21st are written, 18 are counted.
        var lines = router.Logs.Named("Forwarded").ToList();
        var written = lines.Select(line => (string)CapturingSink.Scalar(line, "RequestId")!).ToHashSet();
        Assert.Subset(written, failing.Select(n => ids[n]).ToHashSet());
        Assert.Contains(ids[slowRequest], written);
        Assert.Equal(3 + 1 + 3, lines.Count);
        Assert.Contains(ids[1], written);
        Assert.Equal(18, Sample(await client.GetStringAsync("/metrics"), "multimodel_router_log_sampled_out_total", ("multimodel_route_rule", rule)));

        // A written error line has the fields every Forwarded line has.
        var error = lines.Single(line => Equals(CapturingSink.Scalar(line, "RequestId"), ids[12]));
        using var json = new StringWriter();
        new CompactJsonFormatter().Format(error, json);
        var fields = JsonDocument.Parse(json.ToString()).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "Method", "Path", "ModelId", "Rule", "Target", "StatusCode", "UpstreamMs", "RequestId", "EventId", "SourceContext" }, fields);
        Assert.Equal(500, (int)CapturingSink.Scalar(error, "StatusCode")!);
    }
}
