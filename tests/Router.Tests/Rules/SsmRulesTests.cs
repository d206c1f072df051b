using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MultiModel.Router.Rules;
using MultiModel.Router.Tests.SsmStandIn;
using MultiModel.Router.Tests.Support;
using Serilog.Events;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Rules;

/// <summary>The router reading its rules from the SSM stand-in through the real SDK client.</summary>
public sealed class SsmRulesTests : IAsyncLifetime
{
    private const string RulesPath = "/multimodel/routes";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    private SsmStandInServer _ssm = null!;
    private EchoBackend _a = null!;
    private EchoBackend _b = null!;

    public async Task InitializeAsync()
    {
        _ssm = await SsmStandInServer.StartAsync();
        _a = await EchoBackend.StartAsync("a");
        _b = await EchoBackend.StartAsync("b");
    }

    public async Task DisposeAsync()
    {
        await _ssm.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private RouterFactory Router() => new(new Dictionary<string, string?>
    {
        ["Router:Rules:Source"] = "Ssm",
        ["Router:Rules:SsmPath"] = RulesPath,
        ["Router:Rules:PollInterval"] = PollInterval.ToString(),
        ["Router:Rules:SsmServiceUrl"] = _ssm.ServiceUrl.ToString(),
        ["Router:Rules:SsmMaxErrorRetry"] = "0",
    });

    [Fact]
    public async Task Poll_RuleChangedInSsm_TrafficFollowsAfterPollIntervalNotBefore()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        await using var router = Router();
        var client = router.CreateClient();
        Assert.Equal("a", await client.BackendOfAsync("iris"));

        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_b.Url)));
        Assert.Equal("a", await client.BackendOfAsync("iris"));

        await router.PollAsync(PollInterval);
        Assert.Equal("b", await client.BackendOfAsync("iris"));
    }

    [Fact]
    public async Task Poll_RuleDeletedAndAnotherAdded_BothApplyInOneSwap()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        await using var router = Router();
        var client = router.CreateClient();
        var before = router.Store.Current;

        _ssm.Delete($"{RulesPath}/iris");
        _ssm.Put($"{RulesPath}/mnist", Exact("mnist", Target(_b.Url)));
        await router.PollAsync(PollInterval);

        using var iris = await client.PostAsync("/models/iris/predict", null);
        await iris.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("b", await client.BackendOfAsync("mnist"));
        Assert.Equal(["iris"], before!.Rules.Select(r => r.Name)); // The old snapshot object is untouched.
    }

    [Fact]
    public async Task Load_MalformedRules_SkippedWithReasonOthersStillRoute()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        _ssm.Put($"{RulesPath}/broken", "{ this is not json");
        _ssm.Put($"{RulesPath}/typo", """{"match": {"exact": "mnist"}, "targets": [{"url": "http://127.0.0.1:1", "weigth": 5}]}""");
        _ssm.Put($"{RulesPath}/secret", Exact("x", Target(_a.Url)), type: "SecureString");
        await using var router = Router();
        var client = router.CreateClient();

        Assert.Equal("a", await client.BackendOfAsync("iris"));
        var view = await client.GetFromJsonAsync<JsonElement>("/router/rules");
        var skipped = view.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.Text("name"), s => s.Text("reason"));
        Assert.Equal(["broken", "secret", "typo"], skipped.Keys.Order());
        Assert.Contains("not valid JSON at line 1", skipped["broken"], StringComparison.Ordinal);
        Assert.Equal("unknown field \"weigth\" in targets[0] (allowed: url, weight, timeout, auth, region)", skipped["typo"]);
        Assert.Contains("SecureString", skipped["secret"], StringComparison.Ordinal);
        Assert.Equal(3, router.Logs.Named("RuleSkipped").Count());
        using var mnist = await client.PostAsync("/models/mnist/predict", null);
        await mnist.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Poll_SsmFailing_LastGoodRulesKeepRoutingAndErrorIsReported()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        await using var router = Router();
        var client = router.CreateClient();

        _ssm.FailWithStatus = 500;
        await router.PollAsync(PollInterval);

        Assert.Equal("a", await client.BackendOfAsync("iris"));
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var view = await client.GetFromJsonAsync<JsonElement>("/router/rules");
        Assert.Contains("InternalServerError", view.Text("lastError"), StringComparison.Ordinal);
        Assert.Single(router.Logs.Named("RulesReadFailed"));
    }

    [Fact]
    public async Task Poll_SsmUnreachable_LastGoodRulesKeepRouting()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        await using var router = Router();
        var client = router.CreateClient();

        await _ssm.DisposeAsync(); // Nothing listens on its port any more: connection refused.
        await router.PollAsync(PollInterval);

        Assert.Equal("a", await client.BackendOfAsync("iris"));
        Assert.NotNull(router.Store.Status.LastError);
        _ssm = await SsmStandInServer.StartAsync(); // For DisposeAsync.
    }

    [Fact]
    public async Task Load_MoreRulesThanOnePage_ReadsEveryPage()
    {
        for (var i = 0; i < 25; i++)
        {
            _ssm.Put($"{RulesPath}/team-{i % 2}/m{i}", Exact($"m{i}", Target(i == 24 ? _b.Url : _a.Url)));
        }

        await using var router = Router();
        var client = router.CreateClient();

        Assert.Equal(25, router.Store.Current!.Rules.Count);
        Assert.Equal("b", await client.BackendOfAsync("m24"));
        Assert.Equal(3, _ssm.Calls.Count(c => c.StartsWith("GetParametersByPath", StringComparison.Ordinal)));
        Assert.Contains(router.Store.Current.Rules, r => r.Name == "team-0/m0");
    }

    [Fact]
    public async Task Start_SsmFailing_StartsUnready503ThenRoutesOnceSsmAnswers()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        _ssm.FailWithStatus = 503;
        await using var router = Router();
        var client = router.CreateClient();

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var early = await client.PostAsync("/models/iris/predict", null))
        {
            var problem = await early.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains($"ssm:{RulesPath}", problem.Text("detail"), StringComparison.Ordinal);
            Assert.Equal("5", early.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _ssm.FailWithStatus = null;
        await router.PollAsync(TimeSpan.FromSeconds(5)); // Retried faster than the poll interval while there are no rules.
        Assert.Equal("a", await client.BackendOfAsync("iris"));
    }

    [Fact]
    public async Task Start_SsmHangs_StartGivesUpAfterItsBoundAndStartsUnready()
    {
        var release = new TaskCompletionSource();
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        _ssm.HoldUntil = release.Task;
        await using var router = Router();

        var starting = Task.Run(() => router.CreateClient());
        await _ssm.NextCallAsync();
        router.Time.Advance(RulePoller.StartReadTimeout);
        var client = await starting.WaitAsync(TimeSpan.FromSeconds(10));

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("took longer than 00:00:05", router.Store.Status.LastError, StringComparison.Ordinal);
        release.SetResult();
    }

    [Fact]
    public async Task Poll_SsmFailsForSeveralPollsThenRecovers_OneWarningWithoutStackTraceThenOneInformation()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        await using var router = Router();
        _ = router.CreateClient();

        _ssm.FailWithStatus = 500;
        for (var i = 0; i < 4; i++)
        {
            await router.PollAsync(PollInterval);
        }

        var failed = Assert.Single(router.Logs.Named("RulesReadFailed"));
        Assert.Equal(LogEventLevel.Warning, failed.Level);
        Assert.Null(failed.Exception); // An expected failure: the reason says it all, no stack trace.
        Assert.Contains("InternalServerError", (string?)CapturingSink.Scalar(failed, "Reason"), StringComparison.Ordinal);
        Assert.Equal(1, CapturingSink.Scalar(failed, "RuleCount"));
        Assert.DoesNotContain(router.Logs.Events, e => e.Level >= LogEventLevel.Warning && e != failed);

        _ssm.FailWithStatus = null;
        await router.PollAsync(PollInterval);
        await router.PollAsync(PollInterval);

        var recovered = Assert.Single(router.Logs.Named("RulesReadRecovered"));
        Assert.Equal((LogEventLevel.Information, 4), (recovered.Level, CapturingSink.Scalar(recovered, "FailedReads")));
    }

    [Fact]
    public async Task Start_SsmUnreachable_OneStartWarningWordedAsSuchThenRecoveryLogged()
    {
        _ssm.Put($"{RulesPath}/iris", Exact("iris", Target(_a.Url)));
        _ssm.FailWithStatus = 503;
        await using var router = Router();
        _ = router.CreateClient();
        await router.PollAsync(TimeSpan.FromSeconds(5));

        var start = Assert.Single(router.Logs.Events, e => e.Level >= LogEventLevel.Warning); // Two failed reads, one line.
        Assert.Same(start, Assert.Single(router.Logs.Named("StartingWithoutRules")));
        Assert.Equal($"ssm:{RulesPath}", CapturingSink.Scalar(start, "RuleSource"));
        Assert.StartsWith("Starting without routing rules:", start.MessageTemplate.Text, StringComparison.Ordinal);
        Assert.Empty(router.Logs.Named("RulesReadFailed")); // Not "keeping the last good snapshot (0 rules, last read null)".

        _ssm.FailWithStatus = null;
        await router.PollAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, CapturingSink.Scalar(Assert.Single(router.Logs.Named("RulesReadRecovered")), "FailedReads"));
        Assert.Single(router.Logs.Named("RulesLoaded"));
    }
}
