using System.Net;
using Microsoft.AspNetCore.Http;
using MultiModel.Router.Tests.Support;
using MultiModel.TestSupport;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>How the router answers when a target is down, slow, failing or busy.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("backend");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private static Dictionary<string, string?> Breaker => BreakerSettings.Quick;

    [Fact]
    public async Task Forward_TargetRefusesConnection_502ProblemNamesRuleAndTarget()
    {
        var dead = FreePort.DeadUrl();
        await using var router = RouterFactory.WithRulesFile(File(("iris-rule", Exact("iris", Target(dead)))));

        using var response = await router.CreateClient().PostAsync("/models/iris/predict", null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal($"Target {dead} of rule 'iris-rule' refused the connection.", problem.Text("detail"));
        Assert.Equal(("iris-rule", dead), (problem.Text("rule"), problem.Text("target")));
        Assert.Single(router.Logs.Named("ForwardFailed"));
    }

    [Fact]
    public async Task Forward_TargetDropsConnection_502Problem()
    {
        _backend.Respond = (ctx, _) =>
        {
            ctx.Abort();
            return Task.FromResult(true);
        };
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url)))));

        using var response = await router.CreateClient().PostAsync("/models/iris/predict", null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadGateway);
        Assert.Contains("closed or reset the connection", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_TargetSilentPastItsTimeout_504WhenTheClockPassesIt()
    {
        _backend.Respond = async (ctx, _) =>
        {
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            return true;
        };
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url, timeout: "00:00:05")))));
        var pending = router.CreateClient().PostAsync("/models/iris/predict", null);

        await _backend.NextArrivalAsync();
        router.Time.Advance(TimeSpan.FromSeconds(5));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        var problem = await response.ProblemAsync(HttpStatusCode.GatewayTimeout);
        Assert.Contains("sent no response within 00:00:05", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_TargetKeepsFailing_CircuitOpensOnlyForItAndClosesAfterBreak()
    {
        await using var healthy = await EchoBackend.StartAsync("healthy");
        var failing = true;
        _backend.Respond = (ctx, _) =>
        {
            ctx.Response.StatusCode = failing ? StatusCodes.Status502BadGateway : StatusCodes.Status200OK;
            return Task.FromResult(failing);
        };
        await using var router = RouterFactory.WithRulesFile(
            File(("iris", Exact("iris", Target(_backend.Url))), ("mnist", Exact("mnist", Target(healthy.Url)))), Breaker);
        var client = router.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.PostAsync("/models/iris/predict", null);
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode); // The backend's own 502, passed through.
        }

        using (var open = await client.PostAsync("/models/iris/predict", null))
        {
            var problem = await open.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Target circuit open", problem.Text("title"));
            Assert.NotNull(open.Headers.RetryAfter);
        }

        Assert.Equal(3, _backend.Received.Count); // The open circuit did not call the target.
        Assert.Equal("healthy", await client.BackendOfAsync("mnist")); // Other targets are unaffected.

        failing = false;
        router.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("backend", await client.BackendOfAsync("iris"));
    }

    [Theory]
    [InlineData(503, "0", true, true)]    // Retry-After now, body replayable: retried
    [InlineData(429, "0", true, true)]
    [InlineData(503, null, true, false)]  // No Retry-After: the upstream did not say it is safe
    [InlineData(503, "120", true, false)] // Longer than Router:Forwarding:MaxRetryAfter: passed back to the caller
    [InlineData(500, "0", true, false)]   // Not a "come back later" status
    [InlineData(503, "0", false, false)]  // Streamed body of unknown length: cannot be resent
    public async Task Forward_BusyTarget_RetriedOnlyWhenSafe(int status, string? retryAfter, bool knownLength, bool retried)
    {
        _backend.Respond = (ctx, n) =>
        {
            if (n > 1)
            {
                return Task.FromResult(false);
            }

            ctx.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                ctx.Response.Headers.RetryAfter = retryAfter;
            }

            return Task.FromResult(true);
        };
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url))))).OnKestrel();
        HttpContent content = knownLength ? new StringContent("""{"inputs":[1]}""") : new StreamingContent("""{"inputs":[1]}""");

        using var client = router.CreateWireClient();
        using var response = await client.PostAsync("/models/iris/predict", content);

        Assert.Equal(retried ? 200 : status, (int)response.StatusCode);
        Assert.Equal(retried ? 2 : 1, _backend.Received.Count);
        Assert.All(_backend.Received, r => Assert.Equal("""{"inputs":[1]}""", System.Text.Encoding.UTF8.GetString(r.Body)));
    }

    private void AnswerBusy(Func<int, bool> busy) => _backend.Respond = (ctx, n) =>
    {
        if (!busy(n))
        {
            return Task.FromResult(false);
        }

        ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        ctx.Response.Headers.RetryAfter = "0";
        return Task.FromResult(true);
    };

    [Fact]
    public async Task Forward_BusyTargetRetriedPastIt_CircuitStaysClosed()
    {
        AnswerBusy(n => n % 2 == 1); // Every first attempt is "busy, come back now"; every retry is served.
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url)))), Breaker);
        var client = router.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync("/models/iris/predict", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(20, _backend.Received.Count);
        Assert.Empty(router.Logs.Named("TargetCircuitOpened"));
    }

    [Fact]
    public async Task Forward_BusyTargetRetriesExhausted_EachRequestCountsOnceAndTheCircuitOpens()
    {
        AnswerBusy(_ => true);
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url)))), Breaker);
        var client = router.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var busy = await client.PostAsync("/models/iris/predict", null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode); // The target's own 503 after 2 retries.
        }

        using var open = await client.PostAsync("/models/iris/predict", null);
        Assert.Equal("Target circuit open", (await open.ProblemAsync(HttpStatusCode.ServiceUnavailable)).Text("title"));
        Assert.Equal(9, _backend.Received.Count); // 3 requests x 3 attempts; the open circuit sent nothing.
        Assert.Single(router.Logs.Named("TargetCircuitOpened"));
    }
}
