using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MultiModel.Router.Tests.Support;
using MultiModel.TestSupport;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests;

/// <summary>The server-level routes Triton and KServe clients check before their first inference.</summary>
public sealed class OpenInferenceApiTests
{
    [Theory]
    [InlineData("/v2/health/live", "live")]
    [InlineData("/v2/health/ready", "ready")]
    public async Task GetV2Health_RulesLoaded_200WithTrue(string path, string field)
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>());

        using var response = await router.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{{\"{field}\":true}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetV2HealthReady_NoRulesYet_503ReadyFalseWhileLiveStays200()
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>
        {
            ["Router:Rules:Source"] = "Ssm",
            ["Router:Rules:SsmServiceUrl"] = FreePort.DeadUrl(),
            ["Router:Rules:SsmMaxErrorRetry"] = "0",
        });
        var client = router.CreateClient();

        using var ready = await client.GetAsync("/v2/health/ready");
        using var live = await client.GetAsync("/v2/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("{\"ready\":false}", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("/v2")]
    [InlineData("/v2/")]
    public async Task GetV2_Always_ServerMetadataNamingTheRouter(string path)
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>());

        var body = await router.CreateClient().GetFromJsonAsync<JsonElement>(path);

        Assert.Equal("multimodel-router", body.Text("name"));
        Assert.False(string.IsNullOrEmpty(body.Text("version")));
        Assert.Equal(["binary_tensor_data", "model_configuration", "statistics"],
            body.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PostRepositoryIndex_DefaultTargetSet_ForwardedToItWithBody()
    {
        await using var host = await EchoBackend.StartAsync("host");
        await using var other = await EchoBackend.StartAsync("other");
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(other.Url)))),
            new Dictionary<string, string?> { ["Router:DefaultTarget"] = host.Url });

        using var response = await router.CreateClient().PostAsync("/v2/repository/index",
            new StringContent("{\"ready\":true}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(host.Received);
        Assert.Equal(("POST", "/v2/repository/index", "{\"ready\":true}"), (received.Method, received.Path, System.Text.Encoding.UTF8.GetString(received.Body)));
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task PostRepositoryIndex_NoDefaultTarget_404SayingThereIsNoFleetWideIndex()
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>());

        using var response = await router.CreateClient().PostAsync("/v2/repository/index", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("No fleet-wide repository index", problem.Text("title"));
        Assert.Contains("Router:DefaultTarget", problem.Text("detail"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.Text("requestId")));
    }
}
