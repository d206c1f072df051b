using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MultiModel.Router.Tests.Support;
using Serilog.Formatting.Compact;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

public sealed class ForwardingTests : IAsyncLifetime
{
    private EchoBackend _a = null!;
    private EchoBackend _b = null!;

    public async Task InitializeAsync()
    {
        _a = await EchoBackend.StartAsync("a");
        _b = await EchoBackend.StartAsync("b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private RouterFactory Router(IDictionary<string, string?>? settings = null) =>
        RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_a.Url)))), settings);

    [Fact]
    public async Task Forward_PostWithQueryBodyAndHeaders_BackendSeesThemCallerGetsItsAnswer()
    {
        _a.Respond = async (ctx, _) =>
        {
            ctx.Response.StatusCode = 201;
            ctx.Response.Headers["X-Model-Version"] = "3";
            await ctx.Response.WriteAsync("created");
            return true;
        };
        await using var router = Router();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/versions/3/predict?explain=true&top=2")
        {
            Content = new StringContent("""{"inputs":[[5.1,3.5,1.4,0.2]]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "yes");

        using var response = await router.CreateClient().SendAsync(request);

        var seen = Assert.Single(_a.Received);
        Assert.Equal(("POST", "/models/iris/versions/3/predict?explain=true&top=2"), (seen.Method, seen.RawTarget));
        Assert.Equal("""{"inputs":[[5.1,3.5,1.4,0.2]]}""", Encoding.UTF8.GetString(seen.Body));
        Assert.Equal(("yes", "application/json; charset=utf-8"), (seen.Header("X-Custom"), seen.Header("Content-Type")));
        Assert.Equal(new Uri(_a.Url).Authority, seen.Header("Host")); // The target's own host, not the caller's.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-Model-Version").Single());
        Assert.Equal("created", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/models/iris")]
    [InlineData("POST", "/models/iris/predict")]
    [InlineData("GET", "/v2/models/iris")]
    [InlineData("GET", "/v2/models/iris/ready")]
    [InlineData("POST", "/v2/models/iris/versions/2/infer")]
    public async Task Forward_ModelHostPerModelRoutes_ForwardedUnchanged(string method, string path)
    {
        await using var router = Router();

        using var response = await router.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((method, path), (_a.Received.Single().Method, _a.Received.Single().Path));
    }

    [Fact]
    public async Task Forward_NoRequestId_OneIsMadeSentUpstreamAndReturned()
    {
        await using var router = Router();

        using var response = await router.CreateClient().PostAsync("/models/iris/predict", null);

        var id = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, _a.Received.Single().Header("X-Request-Id"));
    }

    [Fact]
    public async Task Forward_CallerRequestId_PropagatedAndReturnedOnceEvenIfBackendSetsItsOwn()
    {
        _a.Respond = (ctx, _) =>
        {
            ctx.Response.Headers["X-Request-Id"] = "backend-made-this";
            return Task.FromResult(false);
        };
        await using var router = Router();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict");
        request.Headers.Add("X-Request-Id", "caller-123");

        using var response = await router.CreateClient().SendAsync(request);

        Assert.Equal("caller-123", _a.Received.Single().Header("X-Request-Id"));
        Assert.Equal(["caller-123"], response.Headers.GetValues("X-Request-Id"));
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("quote\"d")]
    public async Task Forward_MalformedRequestId_ReplacedWithANewOneForwardedAndTheGivenValueLogged(string id)
    {
        // Issue 11: the router behaves like the ModelHost, which replaces a malformed id instead of refusing the request.
        await using var router = Router(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Override:MultiModel.ServiceDefaults"] = "Information" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict");
        request.Headers.TryAddWithoutValidation("X-Request-Id", id);

        using var response = await router.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replacement = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", replacement);
        Assert.Equal(replacement, _a.Received.Single().Header("X-Request-Id"));
        var logged = Assert.Single(router.Logs.Named("RequestIdReplaced"));
        Assert.Equal((id, replacement), (CapturingSink.Scalar(logged, "GivenRequestId"), CapturingSink.Scalar(logged, "RequestId")));
    }

    [Fact]
    public async Task Forward_NoRuleAndNoDefault_404ProblemNamesTheModel()
    {
        await using var router = Router();

        using var response = await router.CreateClient().PostAsync("/models/mnist/predict", null);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No routing rule matches model 'mnist' and Router:DefaultTarget is not set", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem.Text("requestId"));
    }

    [Fact]
    public async Task Forward_NoRuleButDefaultTarget_GoesToDefault()
    {
        await using var router = Router(new Dictionary<string, string?> { ["Router:DefaultTarget"] = _b.Url });
        var client = router.CreateClient();

        Assert.Equal("b", await client.BackendOfAsync("mnist"));
        Assert.Equal("a", await client.BackendOfAsync("iris"));
    }

    [Fact]
    public async Task Forward_UnknownPath_404ProblemListsWhatTheRouterServes()
    {
        await using var router = Router();

        using var response = await router.CreateClient().GetAsync("/predict");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("/models/{id}/...", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_PrecedenceAcrossRules_EachModelReachesItsBackend()
    {
        await using var c = await EchoBackend.StartAsync("c");
        await using var router = RouterFactory.WithRulesFile(File(
            ("exact", Exact("resnet-50", Target(_a.Url))),
            ("family", Prefix("resnet-", Target(_b.Url))),
            ("rest", Glob("*", Target(c.Url)))));
        var client = router.CreateClient();

        Assert.Equal<string?[]>(["a", "b", "c"], [await client.BackendOfAsync("resnet-50"), await client.BackendOfAsync("resnet-18"), await client.BackendOfAsync("iris")]);
    }

    [Fact]
    public async Task Forward_WeightedRule_SplitWithinStatisticalBoundsAndStickyCallerStays()
    {
        await using var router = RouterFactory.WithRulesFile(File(("iris", Rule(new { exact = "iris" }, [Target(_a.Url, 80), Target(_b.Url, 20)], "X-Caller-Id"))));
        var client = router.CreateClient();
        const int n = 200;

        var toB = 0;
        for (var i = 0; i < n; i++)
        {
            toB += await client.BackendOfAsync("iris") == "b" ? 1 : 0;
        }

        var sd = Math.Sqrt(n * 0.2 * 0.8); // Binomial; 5 standard deviations either side.
        Assert.InRange(toB, n * 0.2 - 5 * sd, n * 0.2 + 5 * sd);
        var sticky = new HashSet<string?>();
        for (var i = 0; i < 20; i++)
        {
            sticky.Add(await client.BackendOfAsync("iris", r => r.Headers.Add("X-Caller-Id", "alice")));
        }

        Assert.Single(sticky);
    }

    [Fact]
    public async Task Forward_LargeChunkedBody_StreamedThroughIntact()
    {
        await using var router = Router().OnKestrel();
        var body = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        using var client = router.CreateWireClient();

        using var response = await client.PostAsync("/models/iris/predict", new StreamContent(new MemoryStream(body)) { Headers = { ContentLength = null } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SHA256.HashData(body), SHA256.HashData(_a.Received.Single().Body));
    }

    [Fact]
    public async Task Forward_Success_LogsRuleTargetStatusUpstreamMsAndRequestIdAsCompactJson()
    {
        await using var router = Router();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict");
        request.Headers.Add("X-Request-Id", "log-me");

        using var response = await router.CreateClient().SendAsync(request);

        var logEvent = Assert.Single(router.Logs.Named("Forwarded"));
        using var json = new StringWriter();
        new CompactJsonFormatter().Format(logEvent, json);
        var line = JsonDocument.Parse(json.ToString()).RootElement;
        Assert.Equal(("iris", _a.Url.TrimEnd('/'), "200", "log-me"), (line.Text("Rule"), line.Text("Target"), line.Text("StatusCode"), line.Text("RequestId")));
        Assert.True(line.GetProperty("UpstreamMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Forward_CallerTraceContext_PassedThroughUnchanged()
    {
        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        await using var router = Router();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict");
        request.Headers.Add("traceparent", traceparent);
        request.Headers.Add("tracestate", "vendor=1");

        using var response = await router.CreateClient().SendAsync(request);

        var seen = _a.Received.Single();
        Assert.Equal((traceparent, "vendor=1"), (seen.Header("traceparent"), seen.Header("tracestate")));
    }

    [Fact]
    public async Task Forward_NoTraceContext_NoneAdded()
    {
        await using var router = Router();

        using var response = await router.CreateClient().PostAsync("/models/iris/predict", null);

        Assert.Null(_a.Received.Single().Header("traceparent"));
    }

    [Fact]
    public async Task Forward_Success_NoRequestActivityNorHostingScopeOnTheLogLine()
    {
        // appsettings.json turns Microsoft.AspNetCore.Hosting.Diagnostics off: ASP.NET Core then makes no Activity and
        // no log scope per request (their cost was measured in bench/Router.Benchmarks); the line keeps its own fields.
        await using var router = Router();

        using var response = await router.CreateClient().PostAsync("/models/iris/predict", null);

        var line = Assert.Single(router.Logs.Named("Forwarded"));
        Assert.Null(line.TraceId);
        Assert.False(line.Properties.ContainsKey("ConnectionId"));
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), CapturingSink.Scalar(line, "RequestId"));
    }
}
