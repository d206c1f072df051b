using Microsoft.Extensions.Time.Testing;
using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Commands;

public sealed class RolloutCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new() { Time = new FakeTimeProvider(Now) };

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Rollout_PublishedCandidate_GivesItTheShareFromNow()
    {
        await PublishedAsync();

        var result = await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--percent", "20");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = PolicyFile.Read(_store, "clf");
        Assert.Equal(1, policy.Stable);
        Assert.Equal(new CandidateRollout(2, 20, Now, StepStartedAt: Now), policy.Candidate);
        Assert.Equal(Now, policy.UpdatedAt);
        Assert.Contains("version 2 answers 20% of unpinned callers, stable version 1 the rest", result.Out);
    }

    [Fact]
    public async Task Rollout_Steps_StartsAtTheFirstStepWithItsBakeTime()
    {
        await PublishedAsync();

        var result = await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--steps", "10,50,100", "--bake", "10m", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var candidate = PolicyFile.Read(_store, "clf").Candidate!;
        Assert.Equal(10, candidate.Percent);
        Assert.Equal([10, 50, 100], candidate.Steps!);
        Assert.Equal(600, candidate.BakeSeconds);
        Assert.Equal("rollout", result.Json.GetProperty("action").GetString());
        Assert.Equal(10, result.Json.GetProperty("policy").GetProperty("candidate").GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task Rollout_VersionCopiedInByHandThatFailsAGate_IsRefusedAndNothingWritten()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.RenamedInput);

        var result = await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--percent", "10");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("version 2 of 'clf' has no publish.json: validating it", result.Out);
        Assert.Contains("FAIL interface", result.Out);
        Assert.Contains("not rolled out: interface failed", result.Out);
        Assert.False(File.Exists(_store.PolicyPath("clf")));
    }

    [Fact]
    public async Task Rollout_VersionCopiedInByHandThatPasses_IsValidatedThenRolledOut()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.Equivalent);

        var result = await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--percent", "10", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(Gates.Passed(result.Json, "interface"));
        var policy = PolicyFile.Read(_store, "clf");
        Assert.Equal((1, 2), (policy.Stable, policy.Candidate!.Version)); // without a policy, stable is the highest version below it
    }

    [Fact]
    public async Task Rollout_Force_SkipsTheGatesOfAVersionWithoutManifest()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.RenamedInput);

        var result = await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--percent", "10", "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, PolicyFile.Read(_store, "clf").Candidate!.Version);
    }

    [Fact]
    public async Task Rollout_Shadow_WritesItAndPercentZeroStopsIt()
    {
        await PublishedAsync();

        var started = await RunAsync("rollout", "--id", "clf", "--shadow", "2", "--percent", "30");
        var shadow = PolicyFile.Read(_store, "clf").Shadow;
        var stopped = await RunAsync("rollout", "--id", "clf", "--shadow", "2", "--percent", "0");

        Assert.True(started.ExitCode == 0 && stopped.ExitCode == 0, started + stopped.ToString());
        Assert.Equal(new ShadowRollout(2, 30), shadow);
        Assert.Null(PolicyFile.Read(_store, "clf").Shadow);
    }

    [Fact]
    public async Task Rollout_AnotherCandidateUnderWay_IsRefused()
    {
        await PublishedAsync();
        await PublishedAsync(version: 3);
        await RunAsync("rollout", "--id", "clf", "--candidate", "2", "--percent", "10");

        var result = await RunAsync("rollout", "--id", "clf", "--candidate", "3", "--percent", "10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Version 2 is being rolled out (10% of unpinned callers); promote or roll it back", result.Error);
    }

    [Theory]
    [InlineData("--candidate", "7", "--percent", "10", "has no version 7")]
    [InlineData("--candidate", "1", "--percent", "10", "is the stable version")]
    [InlineData("--candidate", "2", "--percent", "101", "--percent must be 0 to 100")]
    [InlineData("--candidate", "2", "--bake", "10m", "--bake is the time between --steps")]
    [InlineData("--shadow", "2", "--steps", "10,100", "a shadow has a share only")]
    [InlineData("--candidate", "2", "--steps", "50,10", "ascending shares")]
    public async Task Rollout_InvalidRequest_ExitsWithTwoSayingWhy(string first, string value, string second, string secondValue, string message)
    {
        await PublishedAsync();

        var result = await RunAsync("rollout", "--id", "clf", first, value, second, secondValue);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error);
    }

    private async Task PublishedAsync(int version = 2)
    {
        if (version == 2)
        {
            _store.AddVersion("clf", 1, Models.Live);
        }

        var published = await RunAsync("publish", "--id", "clf", "--model", _store.WriteFile($"v{version}.onnx", Models.Equivalent));
        Assert.True(published.ExitCode == 0, published.ToString());
    }

    private Task<CliResult> RunAsync(params string[] args) => _cli.RunAsync([.. args, .. _store.Args]);
}
