using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Commands;

public sealed class StatusCommandTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new();

    public StatusCommandTests()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.Equivalent);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Status_Policy_ShowsEachVersionsPart()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(1, new CandidateRollout(2, 25, Started), new ShadowRollout(2, 5)));

        var result = await _cli.RunAsync(["status", "--id", "clf", "--json", .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var versions = result.Json.GetProperty("versions").EnumerateArray().ToDictionary(
            version => version.GetProperty("version").GetInt32(), version => string.Join(",", version.GetProperty("roles").EnumerateArray().Select(role => role.GetString())));
        Assert.Equal("stable", versions[1]);
        Assert.Equal("candidate,shadow", versions[2]);
        Assert.Equal(1, result.Json.GetProperty("live").GetInt32());
        Assert.Equal(25, result.Json.GetProperty("policy").GetProperty("candidate").GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task Status_NoPolicy_SaysTheHighestVersionServes()
    {
        var result = await _cli.RunAsync(["status", "--id", "clf", .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no rollout.json: unpinned callers get the highest version, 2", result.Out);
        Assert.Contains("no publish.json", result.Out);
    }

    [Fact]
    public async Task Status_RealHostWithoutPolicy_SaysItHasNoRolloutFigures()
    {
        using var host = RealHost();

        var result = await _cli.RunAsync(["status", "--id", "clf", "--host", "http://localhost", .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("host http://localhost/models/clf (describes version 2)", result.Out);
        Assert.Contains("no \"rollout\" figures", result.Out);
    }

    [Fact]
    public async Task Status_RealHostWithTheToolsRollout_ShowsThePolicyTheHostApplies()
    {
        using var host = RealHost();
        var rollout = await _cli.RunAsync(["rollout", "--id", "clf", "--candidate", "2", "--percent", "50", "--force", .. _store.Args]);

        var result = await _cli.RunAsync(["status", "--id", "clf", "--host", "http://localhost", "--json", .. _store.Args]);

        Assert.True(rollout.ExitCode == 0 && result.ExitCode == 0, rollout + result.ToString());
        var policy = result.Json.GetProperty("host").GetProperty("rollout").GetProperty("policy");
        Assert.Equal(1, policy.GetProperty("stable").GetInt32());
        Assert.Equal(50, policy.GetProperty("candidate").GetProperty("percent").GetDouble());
    }

    private WebApplicationFactory<global::Program> RealHost()
    {
        var host = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ModelHost:Store:LocalRoot", _store.Root);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        _cli.HostHandler = host.Server.CreateHandler();
        return host;
    }

    [Fact]
    public async Task Status_HostWithRolloutFigures_ShowsThemAsTheyCame()
    {
        _cli.HostHandler = new StandIn("""
            {"id": "clf", "version": 1, "rollout": {"stable": 1, "versions": [{"version": 2, "requests": {"2xx": 40, "5xx": 2}, "p50Ms": 1.5}], "outOfRotation": false}}
            """);

        var result = await _cli.RunAsync(["status", "--id", "clf", "--host", "http://host.test/", .. _store.Args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  versions[0].requests.5xx: 2", result.Out);
        Assert.Contains("  outOfRotation: false", result.Out);
        var json = await _cli.RunAsync(["status", "--id", "clf", "--host", "http://host.test/", "--json", .. _store.Args]);
        Assert.Equal(40, json.Json.GetProperty("host").GetProperty("rollout").GetProperty("versions")[0].GetProperty("requests").GetProperty("2xx").GetInt32());
    }

    [Fact]
    public async Task Status_HostUnreachable_ShowsThePolicyAndExitsWithTwo()
    {
        _cli.HostHandler = new StandIn("", HttpStatusCode.ServiceUnavailable);

        var result = await _cli.RunAsync(["status", "--id", "clf", "--host", "http://host.test", .. _store.Args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("version 1", result.Out);
        Assert.Contains("unavailable: 503", result.Out);
    }

    /// <summary>A host answering every request with one body, for the shapes of <c>"rollout"</c> that hosts may send.</summary>
    private sealed class StandIn(string body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
