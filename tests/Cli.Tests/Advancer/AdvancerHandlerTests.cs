using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MultiModel.Cli.Advancer;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Tests.Support;

namespace MultiModel.Cli.Tests.Advancer;

public sealed class AdvancerHandlerTests : IDisposable
{
    private const string Prefix = "MultiModel-";
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly FakeTimeProvider _time = new(Started);
    private readonly CliRunner _cli;
    private readonly LocalModelRepository _repository;
    private readonly AdvancerHandler _handler;

    public AdvancerHandlerTests()
    {
        _cli = new CliRunner { Time = _time };
        foreach (var id in new[] { "clf", "det", "plain" })
        {
            _store.AddVersion(id, 1, Models.Live);
            _store.AddVersion(id, 2, Models.Equivalent);
        }

        _repository = new LocalModelRepository(_store.Root);
        _handler = new AdvancerHandler(_repository, Prefix, _time, NullLogger.Instance);
    }

    public void Dispose()
    {
        _repository.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task HandleAsync_OkEvent_AdvancesTheModelWhoseBakeIsOverAndLeavesTheOneNotYetDue()
    {
        await RolloutAsync("clf", "--steps", "10,50,100", "--bake", "10m");
        await RolloutAsync("det", "--steps", "10,50,100", "--bake", "1h");
        await RolloutAsync("plain", "--percent", "20");
        var det = File.ReadAllBytes(_store.PolicyPath("det"));
        var plain = File.ReadAllBytes(_store.PolicyPath("plain"));
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = await _handler.HandleAsync("""{"alarm":"ok"}""", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToJson());
        Assert.Equal([("clf", "advanced", true), ("det", "none", false)], result.Models.Select(model => (model.ModelId, model.Action, model.Changed)));
        Assert.Contains("50m left of 1h", result.Models[1].Summary, StringComparison.Ordinal);
        Assert.Equal((50, Started.AddMinutes(10)), (PolicyFile.Read(_store, "clf").Candidate!.Percent, PolicyFile.Read(_store, "clf").Candidate!.StepStartedAt!.Value));
        Assert.Equal(det, File.ReadAllBytes(_store.PolicyPath("det")));
        Assert.Equal(plain, File.ReadAllBytes(_store.PolicyPath("plain")));
    }

    [Fact]
    public async Task HandleAsync_OkEventAtTheLastStep_PromotesAsAdvanceDoes()
    {
        await RolloutAsync("clf", "--steps", "50,100", "--bake", "10m");
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = await _handler.HandleAsync("""{"alarm":"ok"}""", CancellationToken.None);

        Assert.Equal("promoted", Assert.Single(result.Models).Action);
        Assert.Equal((2, null), (PolicyFile.Read(_store, "clf").Stable, PolicyFile.Read(_store, "clf").Candidate));
    }

    [Fact]
    public async Task HandleAsync_AlarmEvent_RollsBackExactlyTheNamedModel()
    {
        await RolloutAsync("clf", "--steps", "10,50,100", "--bake", "10m");
        await RolloutAsync("det", "--steps", "10,50,100", "--bake", "10m");
        var det = File.ReadAllBytes(_store.PolicyPath("det"));

        var result = await _handler.HandleAsync("""{"alarm":"alarm","alarmName":"MultiModel-clf-candidate-latency"}""", CancellationToken.None);

        Assert.True(result.Succeeded, result.ToJson());
        var model = Assert.Single(result.Models);
        Assert.Equal(("clf", "rolled-back", true), (model.ModelId, model.Action, model.Changed));
        Assert.StartsWith("the alarm fired", model.Summary, StringComparison.Ordinal);
        Assert.Null(PolicyFile.Read(_store, "clf").Candidate);
        Assert.Equal(det, File.ReadAllBytes(_store.PolicyPath("det")));
    }

    [Theory]
    [InlineData("Other-clf-candidate-errors", "is not one of this stack's candidate alarms")]
    [InlineData("MultiModel-clf-errors", "is not a candidate alarm")]
    [InlineData("MultiModel-staging-clf-candidate-errors", "names model 'staging-clf', which")]
    [InlineData("MultiModel-nosuchmodel-candidate-errors", "names model 'nosuchmodel', which")]
    public async Task HandleAsync_AlarmOfAnotherStackOrUnknownModel_ChangesNothingAndSaysWhy(string alarmName, string expected)
    {
        await RolloutAsync("clf", "--steps", "10,50,100", "--bake", "10m");
        var before = File.ReadAllBytes(_store.PolicyPath("clf"));

        var result = await _handler.HandleAsync($$"""{"alarm":"alarm","alarmName":"{{alarmName}}"}""", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error ?? Assert.Single(result.Models).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Models, model => model.Changed);
        Assert.Equal(before, File.ReadAllBytes(_store.PolicyPath("clf")));
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("{\"alarm\":", "not JSON")]
    [InlineData("[\"ok\"]", "not an object")]
    [InlineData("{}", "is not one the advancer takes")]
    [InlineData("{\"alarm\":\"red\"}", "is not one the advancer takes")]
    [InlineData("{\"alarm\":\"alarm\"}", "is not one the advancer takes")]
    [InlineData("{\"alarm\":\"ok\",\"alarmName\":\"MultiModel-clf-candidate-errors\"}", "is not one the advancer takes")]
    [InlineData("{\"alarm\":\"ok\",\"detail\":{}}", "property 'detail'")]
    public async Task HandleAsync_MalformedEvent_IsRefusedAndWritesNothing(string eventJson, string expected)
    {
        await RolloutAsync("clf", "--steps", "10,50,100", "--bake", "10m");
        _time.Advance(TimeSpan.FromHours(1));
        var before = File.ReadAllBytes(_store.PolicyPath("clf"));

        var result = await _handler.HandleAsync(eventJson, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Models);
        Assert.Equal(before, File.ReadAllBytes(_store.PolicyPath("clf")));
    }

    [Fact]
    public async Task HandleAsync_OkEventWithABrokenPolicy_StepsTheOthersAndFails()
    {
        await RolloutAsync("clf", "--steps", "10,50,100", "--bake", "10m");
        File.WriteAllText(_store.PolicyPath("det"), """{"stable": 1, "candidate": {"version": 2, "percent": 150}}""");
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = await _handler.HandleAsync("""{"alarm":"ok"}""", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal([("clf", "advanced"), ("det", "error")], result.Models.Select(model => (model.ModelId, model.Action)));
        Assert.Contains("has problems", result.Models[1].Summary, StringComparison.Ordinal);
    }

    private async Task RolloutAsync(string id, params string[] schedule)
    {
        var result = await _cli.RunAsync(["rollout", "--id", id, "--candidate", "2", "--force", .. schedule, .. _store.Args]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
