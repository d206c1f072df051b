using System.Text;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Tests.Rollout;

public sealed class RolloutPolicyJsonTests
{
    [Fact]
    public void TryRead_WrittenPolicy_ReadsBackEqual()
    {
        var policy = new RolloutPolicy(2,
            new CandidateRollout(3, 10, DateTimeOffset.Parse("2026-12-06T01:00:00Z"), [10, 50, 100], 600, DateTimeOffset.Parse("2026-12-06T01:00:00Z")),
            new ShadowRollout(4, 25), "X-Tenant", new RolloutGuardrails(100, 10, 2, 1.5), [1]);

        var read = RolloutPolicyJson.TryRead(RolloutPolicyJson.Write(policy), out var problems);

        Assert.Empty(problems);
        Assert.NotNull(read);
        Assert.Equal(RolloutPolicyJson.Write(policy), RolloutPolicyJson.Write(read));
    }

    [Theory]
    [InlineData("""{"stable": 0}""", "\"stable\" must be a version number")]
    [InlineData("""{"stable": 2, "candidate": {"version": 2, "percent": 10, "startedAt": "2026-12-06T01:00:00Z"}}""", "is the stable version 2")]
    [InlineData("""{"stable": 2, "candidate": {"version": 3, "percent": 120, "startedAt": "2026-12-06T01:00:00Z"}}""", "\"candidate.percent\" must be a share from 0 to 100; got 120")]
    [InlineData("""{"stable": 2, "candidate": {"version": 3, "percent": 10, "startedAt": "2026-12-06T01:00:00Z", "steps": [50, 10]}}""", "\"candidate.steps\" must be ascending")]
    [InlineData("""{"stable": 2, "shadow": {"version": 3, "percent": -1}}""", "\"shadow.percent\" must be a share")]
    [InlineData("""{"stable": 2, "callerHeader": "X Caller"}""", "\"callerHeader\" must be an HTTP header name")]
    [InlineData("""{"stable": 2, "guardrails": {"windowRequests": 10, "minRequests": 20}}""", "\"guardrails.minRequests\" must be 1 to windowRequests (10); got 20")]
    [InlineData("""{"stable": 2, "guardrails": {"maxLatencyRatio": 0.5}}""", "\"guardrails.maxLatencyRatio\" must be 1 or more")]
    [InlineData("""{"stable": 2, "cannidate": {}}""", "is not valid JSON of a rollout policy")]
    [InlineData("""{"stable": "two"}""", "is not valid JSON of a rollout policy")]
    [InlineData("""null""", "is empty")]
    public void TryRead_BrokenPolicy_NullWithTheProblemNamed(string json, string expected)
    {
        var read = RolloutPolicyJson.TryRead(Encoding.UTF8.GetBytes(json), out var problems);

        Assert.Null(read);
        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TryRead_SeveralProblems_ReportsEveryOne()
    {
        var json = """{"stable": 0, "shadow": {"version": 0, "percent": 200}, "callerHeader": ""}""";

        RolloutPolicyJson.TryRead(Encoding.UTF8.GetBytes(json), out var problems);

        Assert.Equal(5, problems.Count); // stable, shadow version, shadow percent, shadow equal to stable, caller header
    }
}
