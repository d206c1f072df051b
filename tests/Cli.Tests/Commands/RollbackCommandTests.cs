using MultiModel.Cli.Tests.Support;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Commands;

public sealed class RollbackCommandTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly CliRunner _cli = new();

    public RollbackCommandTests()
    {
        _store.AddVersion("clf", 1, Models.Live);
        _store.AddVersion("clf", 2, Models.Equivalent);
        _store.AddVersion("clf", 3, Models.Equivalent);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Rollback_Candidate_IsRemovedAndItsFolderKept()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(1, new CandidateRollout(2, 50, Started)));

        var result = await RunAsync("rollback", "--id", "clf");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new RolloutPolicy(1) with { UpdatedAt = PolicyFile.Read(_store, "clf").UpdatedAt }, PolicyFile.Read(_store, "clf"));
        Assert.True(File.Exists(Path.Combine(_store.VersionFolder("clf", 2), "model.onnx")));
    }

    [Fact]
    public async Task Rollback_NoCandidate_PutsTheLastPreviousStableBack()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(3, PreviousStable: [1, 2]));

        var result = await RunAsync("rollback", "--id", "clf", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = PolicyFile.Read(_store, "clf");
        Assert.Equal(2, policy.Stable);
        Assert.Equal([1], policy.PreviousStable!);
        Assert.Equal("rolled-back", result.Json.GetProperty("action").GetString());
        Assert.True(File.Exists(Path.Combine(_store.VersionFolder("clf", 3), "model.onnx")));
    }

    [Fact]
    public async Task Rollback_PromoteThenRollback_ReturnsToTheStartingPolicy()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(1, new CandidateRollout(2, 10, Started)));

        await RunAsync("promote", "--id", "clf");
        var result = await RunAsync("rollback", "--id", "clf");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = PolicyFile.Read(_store, "clf");
        Assert.Equal((1, null, null), (policy.Stable, policy.Candidate, policy.PreviousStable));
    }

    [Fact]
    public async Task Rollback_NothingToGoBackTo_ExitsWithTwoAndWritesNothing()
    {
        PolicyFile.Write(_store, "clf", new RolloutPolicy(1));
        var before = File.ReadAllBytes(_store.PolicyPath("clf"));

        var result = await RunAsync("rollback", "--id", "clf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Nothing to roll back", result.Error);
        Assert.Equal(before, File.ReadAllBytes(_store.PolicyPath("clf")));
    }

    [Fact]
    public async Task Rollback_PolicyWithProblems_IsRefusedNamingThem()
    {
        File.WriteAllText(_store.PolicyPath("clf"), """{"stable": 1, "candidate": {"version": 2, "percent": 150, "startedAt": "2026-06-01T12:00:00Z"}}""");

        var result = await RunAsync("rollback", "--id", "clf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"candidate.percent\" must be a share from 0 to 100", result.Error);
    }

    private Task<CliResult> RunAsync(params string[] args) => _cli.RunAsync([.. args, .. _store.Args]);
}
