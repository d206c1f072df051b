using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Commands;

public sealed class PromoteCommandTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new();

    public PromoteCommandTests()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.Equivalent);
        _store.AddVersion("clf", 3, Models.Equivalent);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Promote_Candidate_BecomesStableAndTheOldStableIsRemembered()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(1, new CandidateRollout(2, 10, Started)));

        var result = await RunAsync("promote", "--id", "clf");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = PolicyFile.Read(_store, "clf");
        Assert.Equal(2, policy.Stable);
        Assert.Null(policy.Candidate);
        Assert.Equal([1], policy.PreviousStable!);
        Assert.Contains("version 2 is stable: every unpinned caller gets it (was version 1)", result.Out);
    }

    [Fact]
    public async Task Promote_NoCandidate_ExitsWithTwo()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(1));

        var result = await RunAsync("promote", "--id", "clf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No candidate is being rolled out", result.Error);
    }

    [Fact]
    public async Task Promote_NoPolicy_ExitsWithTwo()
    {
        var result = await RunAsync("promote", "--id", "clf", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no rollout.json", result.Json.GetProperty("error").GetString());
    }

    private Task<CliResult> RunAsync(params string[] args) => _cli.RunAsync([.. args, .. _store.Args]);
}
