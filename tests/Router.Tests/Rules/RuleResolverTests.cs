using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using MultiModel.Router.Rules;
using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router.Tests.Rules;

public sealed class RuleResolverTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly RuleStore _store = new();
    private readonly ReloadSignal _reload = new();

    private static RouteRule Rule(string name, string modelId) =>
        new(name, new RuleMatch(MatchKind.Exact, modelId), [new RuleTarget(new Uri($"http://{name}.test"), 1, TimeSpan.FromSeconds(1), TargetAuth.None, null)], null, "1");

    private RuleResolver Resolver(string? defaultTarget = null) => new(_store, new NamedSource("file:routes.json"), _reload,
        new DefaultRule(defaultTarget, TargetAuth.None, TimeSpan.FromSeconds(30)), Options.Create(new RulesOptions { PollInterval = PollInterval }), _time);

    private void Load(params RouteRule[] rules) => _store.Succeeded(RuleTable.Create(rules, [], "fp"), _time.GetUtcNow());

    [Fact]
    public async Task Resolve_NoRulesLoaded_503WithRetryAfterAndNoReload()
    {
        var resolved = Resolver().Resolve("iris");

        Assert.Null(resolved.Rule);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, resolved.StatusCode);
        Assert.Equal(RulePoller.NoRulesRetryInterval, resolved.RetryAfter);
        Assert.Contains("file:routes.json", resolved.Detail, StringComparison.Ordinal);
        Assert.False(await ReloadRequestedAsync());
    }

    [Fact]
    public void Resolve_RuleMatches_ReturnsIt()
    {
        Load(Rule("iris-rule", "iris"));

        Assert.Equal("iris-rule", Resolver("http://default.test").Resolve("iris").Rule?.Name);
    }

    [Fact]
    public void Resolve_NoRuleMatchesButDefaultTarget_ReturnsDefaultRule()
    {
        Load(Rule("iris-rule", "iris"));

        var rule = Resolver("http://default.test").Resolve("mnist").Rule;

        Assert.Equal(DefaultRule.Name, rule?.Name);
        Assert.Equal("http://default.test/", Assert.Single(rule!.Targets).Url.ToString());
    }

    [Fact]
    public void Resolve_NoRuleMatchesNoDefault_404NamingModelAndRulesSearched()
    {
        Load(Rule("iris-rule", "iris"));

        var resolved = Resolver().Resolve("mnist");

        Assert.Null(resolved.Rule);
        Assert.Equal(StatusCodes.Status404NotFound, resolved.StatusCode);
        Assert.Null(resolved.RetryAfter);
        Assert.Contains("model 'mnist'", resolved.Detail, StringComparison.Ordinal);
        Assert.Contains("1 rules loaded from file:routes.json", resolved.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, false)] // two intervals exactly: the poller's own read is merely due
    [InlineData(61, true)]  // longer: its timer did not run (a frozen Lambda), so the request asks for a read
    public async Task Resolve_SinceLastReadAttempt_RequestsReloadOnlyPastTwoIntervals(int seconds, bool requested)
    {
        Load(Rule("iris-rule", "iris"));
        _time.Advance(TimeSpan.FromSeconds(seconds));

        Assert.NotNull(Resolver().Resolve("iris").Rule);
        Assert.Equal(requested, await ReloadRequestedAsync());
    }

    /// <summary>A wait whose due time is an hour off returns at once only when a reload was requested.</summary>
    private async Task<bool> ReloadRequestedAsync()
    {
        using var cancel = new CancellationTokenSource();
        var wait = _reload.WaitAsync(_time.GetUtcNow() + TimeSpan.FromHours(1), _time, cancel.Token);
        var requested = wait.IsCompleted;
        await cancel.CancelAsync();
        try
        {
            await wait;
        }
        catch (OperationCanceledException) when (!requested)
        {
            // The wait that was still waiting ends with the cancellation.
        }

        return requested;
    }

    private sealed class NamedSource(string description) : IRuleSource
    {
        public string Description => description;

        public Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken) => throw new NotSupportedException("The resolver only names its source.");

        public IChangeToken? Watch() => null;
    }
}
