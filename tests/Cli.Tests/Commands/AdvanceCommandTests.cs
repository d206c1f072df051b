using Microsoft.Extensions.Time.Testing;
using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Commands;

public sealed class AdvanceCommandTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly FakeTimeProvider _time = new(Started);
    private readonly CliRunner _cli;

    public AdvanceCommandTests()
    {
        _cli = new CliRunner { Time = _time };
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.Equivalent);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Advance_WholeSchedule_StepsAfterEachBakeAndPromotesAt100()
    {
        await RolloutAsync("--steps", "10,50,100", "--bake", "10m");

        _time.Advance(TimeSpan.FromMinutes(9));
        var early = await AdvanceAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var toFifty = await AdvanceAsync();
        var fifty = PolicyFile.Read(_store, "clf").Candidate!;
        _time.Advance(TimeSpan.FromMinutes(10));
        var promoted = await AdvanceAsync();

        Assert.Equal(["none", "advanced", "promoted"], new[] { early, toFifty, promoted }.Select(result => result.Json.GetProperty("action").GetString()));
        Assert.Contains("baking at 10%: 1m left of 10m", early.Json.GetProperty("summary").GetString());
        Assert.Equal((50, Started.AddMinutes(10), Started), (fifty.Percent, fifty.StepStartedAt!.Value, fifty.StartedAt));
        var policy = PolicyFile.Read(_store, "clf");
        Assert.Equal((2, null), (policy.Stable, policy.Candidate));
        Assert.Equal([1], policy.PreviousStable!);
    }

    [Fact]
    public async Task Advance_Alarm_RollsTheCandidateBack()
    {
        await RolloutAsync("--steps", "10,50,100", "--bake", "10m");

        var result = await AdvanceAsync("--alarm", "alarm");

        Assert.Equal("rolled-back", result.Json.GetProperty("action").GetString());
        Assert.StartsWith("the alarm fired", result.Json.GetProperty("summary").GetString());
        Assert.Null(PolicyFile.Read(_store, "clf").Candidate);
    }

    [Fact]
    public async Task Advance_FixedShare_ChangesNothing()
    {
        await RolloutAsync("--percent", "20");
        var before = File.ReadAllBytes(_store.PolicyPath("clf"));
        _time.Advance(TimeSpan.FromDays(1));

        var result = await AdvanceAsync();

        Assert.Equal("none", result.Json.GetProperty("action").GetString());
        Assert.False(result.Json.GetProperty("changed").GetBoolean());
        Assert.Equal(before, File.ReadAllBytes(_store.PolicyPath("clf")));
    }

    [Fact]
    public async Task Advance_NoPolicy_SaysNothingIsRolledOut()
    {
        var result = await AdvanceAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing is being rolled out", result.Json.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Advance_UnknownAlarmState_ExitsWithTwo()
    {
        var result = await _cli.RunAsync(["advance", "--id", "clf", "--alarm", "red", .. _store.Args]);

        Assert.Equal(2, result.ExitCode);
    }

    private async Task RolloutAsync(params string[] schedule)
    {
        var result = await _cli.RunAsync(["rollout", "--id", "clf", "--candidate", "2", "--force", .. schedule, .. _store.Args]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private async Task<CliResult> AdvanceAsync(params string[] more)
    {
        var result = await _cli.RunAsync(["advance", "--id", "clf", "--json", .. more, .. _store.Args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
