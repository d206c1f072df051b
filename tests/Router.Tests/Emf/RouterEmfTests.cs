using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.Router.Tests.Support;
using MultiModel.ServiceDefaults.Emf;
using MultiModel.Tests.Shared;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Emf;

/// <summary>The router with EMF on, as on Lambda: per-rule documents and the process document, per invocation.</summary>
public sealed class RouterEmfTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("a");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Flush_ForwardedAndUnroutedRequests_OneRuleDocumentPerInvocationAndCallersIdsNeverWritten()
    {
        var output = new LineCapture();
        var rule = $"emf-{Guid.NewGuid():N}";
        var unrouted = $"unrouted-{Guid.NewGuid():N}";
        await using var factory = RouterFactory.WithRulesFile(File((rule, Exact("iris", Target(_backend.Url)))),
            services: services => services.AddSingleton(new EmfOutput(output)));
        // As settings of the web host, not app configuration: whether EMF is on decides what is registered, so it must
        // be known while services are (the factory's own settings arrive only when the app is built).
        await using var router = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Metrics:Emf:Enabled", "true")
            .UseSetting("Metrics:Emf:GaugeInterval", "00:00:00")
            .UseSetting("AWS_LAMBDA_FUNCTION_NAME", "router-emf-test"));
        var client = router.CreateClient();

        var seen = EmfLog.Documents(output.Lines).Count;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/models/iris/predict", Body())).StatusCode);
        var forwarded = await EmfLog.NextInvocationAsync(() => output.Lines, seen);

        var ruleDocument = Assert.Single(forwarded, document => document.Member("Rule") is not null);
        Assert.Equal((rule, "router-emf-test", "MultiModel"), (ruleDocument.Member("Rule"), ruleDocument.Member("FunctionName"), ruleDocument.Namespace));
        Assert.Equal("FunctionName|FunctionName,Rule", ruleDocument.DimensionSetsText);
        Assert.Equal((1, 0, 1), (ruleDocument.Value("RouterRequests"), ruleDocument.Value("RouterServerErrors"), ruleDocument.Samples("UpstreamDuration")));
        Assert.Equal("Milliseconds", ruleDocument.Metrics["UpstreamDuration"].Unit);
        var process = forwarded[^1];
        Assert.Equal("FunctionName", process.DimensionSetsText);
        Assert.Equal("Seconds", process.Metrics["RulesAge"].Unit);
        Assert.False(process.Has("RouterRequests"), "the forwarded request named its rule");

        seen = EmfLog.Documents(output.Lines).Count;
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/models/{unrouted}/predict", Body())).StatusCode);
        var unroutedDocument = Assert.Single(await EmfLog.NextInvocationAsync(() => output.Lines, seen));
        Assert.Equal((1, 0), (unroutedDocument.Value("RouterRequests"), unroutedDocument.Value("RouterServerErrors")));
        Assert.All(output.Lines, line => Assert.DoesNotContain(unrouted, line, StringComparison.Ordinal));
        Assert.All(output.Lines, line => Assert.DoesNotContain("iris", line, StringComparison.Ordinal));
    }

    private static StringContent Body() => new("""{"inputs":{"x":[[1,2]]}}""", Encoding.UTF8, "application/json");
}
