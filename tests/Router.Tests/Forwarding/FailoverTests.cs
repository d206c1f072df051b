using System.Net;
using MultiModel.Router.TargetSelection;
using MultiModel.Router.Tests.Support;
using MultiModel.TestSupport;
using Serilog.Events;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>A rule with a dead target and a live one: callers are served by the live one, and come back when the dead one does.</summary>
public sealed class FailoverTests : IAsyncLifetime
{
    private static readonly TimeSpan BreakDuration = BreakerSettings.BreakDuration;
    private EchoBackend _live = null!;

    public async Task InitializeAsync() => _live = await EchoBackend.StartAsync("live");

    public async Task DisposeAsync() => await _live.DisposeAsync();

    private static Dictionary<string, string?> Breaker => BreakerSettings.Quick;

    [Fact]
    public async Task Forward_OneDeadOneLiveTarget_EveryCallServedAndDeadOneSkippedOnceKnown()
    {
        var dead = FreePort.DeadUrl();
        await using var router = RouterFactory.WithRulesFile(File(("iris", Rule(new { exact = "iris" }, [Target(dead, 50), Target(_live.Url, 50)]))), Breaker);
        var client = router.CreateClient();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal("live", await client.BackendOfAsync("iris"));
        }

        // The dead target was tried until its circuit opened (3 refusals at most), then skipped without a connect.
        var failovers = router.Logs.Named("FailedOver").ToList();
        Assert.InRange(failovers.Count, 1, 3);
        Assert.All(failovers, e => Assert.Equal(dead, CapturingSink.Scalar(e, "Target")));
        var opened = Assert.Single(router.Logs.Named("TargetCircuitOpened"));
        Assert.Equal((LogEventLevel.Warning, dead, "refused the connection"), (opened.Level, CapturingSink.Scalar(opened, "Target"), CapturingSink.Scalar(opened, "LastFailure")));
        Assert.Empty(router.Logs.Named("ForwardFailed"));

        // After the break a trial call reaches the dead target again, fails over too, and the outage is not logged twice.
        router.Time.Advance(BreakDuration);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("live", await client.BackendOfAsync("iris"));
        }

        Assert.Single(router.Logs.Named("TargetCircuitOpened"));
    }

    [Fact]
    public async Task Forward_StickyCallerOfDeadTarget_FallsBackToOneTargetAndReturnsWhenItRecovers()
    {
        var deadUrl = FreePort.DeadUrl();
        await using var other = await EchoBackend.StartAsync("other");
        await using var router = RouterFactory.WithRulesFile(
            File(("iris", Rule(new { exact = "iris" }, [Target(deadUrl, 40), Target(_live.Url, 30), Target(other.Url, 30)], "X-Caller-Id"))), Breaker);
        var client = router.CreateClient();
        var rule = router.Store.Current!.Resolve("iris")!;
        var caller = Enumerable.Range(0, 1000).Select(i => $"user-{i}").First(c => TargetSelector.Choose(rule, c, Random.Shared) == 0);
        void Sticky(HttpRequestMessage r) => r.Headers.Add("X-Caller-Id", caller);

        var fallbacks = new HashSet<string?>();
        for (var i = 0; i < 10; i++)
        {
            fallbacks.Add(await client.BackendOfAsync("iris", Sticky));
        }

        Assert.Single(fallbacks); // One fallback target for this caller, before and after the circuit opened.
        Assert.Single(router.Logs.Named("TargetCircuitOpened"));

        await using var revived = await EchoBackend.StartAsync("revived", deadUrl);
        Assert.Equal(fallbacks.Single(), await client.BackendOfAsync("iris", Sticky)); // Still open: not tried yet.
        router.Time.Advance(BreakDuration);
        Assert.Equal("revived", await client.BackendOfAsync("iris", Sticky)); // The trial call, which closes the circuit.
        Assert.Equal("revived", await client.BackendOfAsync("iris", Sticky));
        var closed = Assert.Single(router.Logs.Named("TargetCircuitClosed"));
        Assert.Equal(LogEventLevel.Information, closed.Level);
    }

    [Fact]
    public async Task Forward_EveryTargetDead_502NamingAllThen503WithRetryAfterOnceCircuitsOpen()
    {
        var (deadA, deadB) = (FreePort.DeadUrl(), FreePort.DeadUrl());
        await using var router = RouterFactory.WithRulesFile(File(("iris", Rule(new { exact = "iris" }, [Target(deadA, 50), Target(deadB, 50)]))), Breaker);
        var client = router.CreateClient();

        using (var first = await client.PostAsync("/models/iris/predict", null))
        {
            var problem = await first.ProblemAsync(HttpStatusCode.BadGateway);
            Assert.Contains("refused the connection", problem.Text("detail"), StringComparison.Ordinal);
            Assert.Contains("The rule's other targets are unavailable too", problem.Text("detail"), StringComparison.Ordinal);
            Assert.Equal("iris", problem.Text("rule"));
            Assert.Contains(problem.Text("target"), new[] { deadA, deadB });
        }

        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.PostAsync("/models/iris/predict", null);
        }

        using var open = await client.PostAsync("/models/iris/predict", null);
        var openProblem = await open.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Target circuit open", openProblem.Text("title"));
        Assert.Contains($"{deadA}, {deadB}", openProblem.Text("detail"), StringComparison.Ordinal);
        Assert.InRange(open.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, BreakDuration.TotalSeconds);
        Assert.Equal(open.Headers.GetValues("X-Request-Id").Single(), openProblem.Text("requestId"));
    }

    [Theory]
    [InlineData(100)]           // Buffered (small, known length): could be resent anyway.
    [InlineData(3 * 1024 * 1024)] // Chunked and large: streamed, never buffered; failover works because nothing was read.
    public async Task Forward_BodyToATargetThatRefuses_TheWholeBodyReachesTheNextTarget(int size)
    {
        var dead = FreePort.DeadUrl();
        await using var router = RouterFactory.WithRulesFile(
            File(("iris", Rule(new { exact = "iris" }, [Target(dead, 1), Target(_live.Url, 1)], "X-Caller-Id"))), Breaker).OnKestrel();
        var rule = router.Store.Current!.Resolve("iris")!;
        var caller = Enumerable.Range(0, 1000).Select(i => $"user-{i}").First(c => TargetSelector.Choose(rule, c, Random.Shared) == 0);
        var body = System.Security.Cryptography.RandomNumberGenerator.GetBytes(size);
        using var client = router.CreateWireClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict")
        {
            Content = new StreamContent(new MemoryStream(body)) { Headers = { ContentLength = size < 1024 ? size : null } },
        };
        request.Headers.Add("X-Caller-Id", caller);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, _live.Received.Single().Body);
        Assert.Single(router.Logs.Named("FailedOver"));
    }
}
