using MultiModel.Router.Tests.Support;
using Serilog.Events;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests;

/// <summary>Serilog__MinimumLevel__Default=Warning, the documented way to quiet per-request lines, quiets only them.</summary>
public sealed class LogLevelTests
{
    [Fact]
    public async Task Start_DefaultLevelWarning_StartUpAndRuleLinesStayPerRequestLinesGo()
    {
        await using var backend = await EchoBackend.StartAsync("a");
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(backend.Url)))), new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:MultiModel.Router"] = "Warning", // Undo the test factory's own override.
        }).OnKestrel();
        using var client = router.CreateWireClient();

        Assert.Equal("a", await client.BackendOfAsync("iris"));

        var listening = Assert.Single(router.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Now listening on", StringComparison.Ordinal));
        Assert.Equal((LogEventLevel.Information, "Microsoft.Hosting.Lifetime"), (listening.Level, CapturingSink.Scalar(listening, "SourceContext")));
        Assert.Equal(LogEventLevel.Information, Assert.Single(router.Logs.Named("RulesLoaded")).Level);
        Assert.Empty(router.Logs.Named("Forwarded"));
    }

    [Fact]
    public async Task Start_LifetimeOverriddenToWarning_OverrideWins()
    {
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target("http://127.0.0.1:1")))), new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        }).OnKestrel();
        _ = router.CreateClient();

        Assert.DoesNotContain(router.Logs.Events, e => Equals(CapturingSink.Scalar(e, "SourceContext"), "Microsoft.Hosting.Lifetime"));
    }
}
