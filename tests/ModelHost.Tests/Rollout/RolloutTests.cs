using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Rollout;

public sealed class RolloutTests : IDisposable
{
    private static readonly DateTimeOffset Started = DateTimeOffset.Parse("2026-12-06T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly RolloutHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Predict_NoPolicy_HighestVersionAnswersAsBefore()
    {
        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync("caller-1"));
    }

    [Fact]
    public async Task Predict_PolicyWithStableOnly_StableAnswersUnpinnedAndPinnedStillGetTheirs()
    {
        _host.WritePolicy(new RolloutPolicy(Stable: 1));

        Assert.Equal((HttpStatusCode.OK, 1), await _host.PredictAsync("caller-1"));
        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync("caller-1", "/models/m/versions/2/predict"));
    }

    [Fact]
    public async Task Predict_CandidateAtTwentyPercent_ItsShareStickyAndRaisingMovesOnlyTowardsIt()
    {
        var callers = Enumerable.Range(0, 2000).Select(i => $"caller-{i}").ToArray();
        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 20, Started)));

        var atTwenty = await _host.VersionsForAsync(callers);
        var repeated = await _host.VersionsForAsync(Enumerable.Repeat(callers[0], 5).Concat(Enumerable.Repeat(callers[1], 5)));

        Assert.Equal(JsonValueKind.Null, (await _host.DescribeRolloutAsync()).GetProperty("candidateOutOfRotation").ValueKind);
        Assert.InRange(100.0 * atTwenty.Count(version => version == 2) / callers.Length, 17, 23);
        Assert.Equal(Enumerable.Repeat(atTwenty[0], 5).Concat(Enumerable.Repeat(atTwenty[1], 5)), repeated);

        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 50, Started)));
        await _host.WaitUntilAsync(rollout => rollout.GetProperty("policy").GetProperty("candidate").GetProperty("percent").GetDouble() == 50);
        var atFifty = await _host.VersionsForAsync(callers);

        Assert.InRange(100.0 * atFifty.Count(version => version == 2) / callers.Length, 47, 53);
        Assert.DoesNotContain(callers.Index(), caller => atTwenty[caller.Index] == 2 && atFifty[caller.Index] == 1);
    }

    [Fact]
    public async Task Rollback_CandidateRemoved_UnpinnedBackOnStableWhilePinnedCandidateStillAnswers()
    {
        var callers = Enumerable.Range(0, 200).Select(i => $"caller-{i}").ToArray();
        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 50, Started)));
        Assert.Contains(2, await _host.VersionsForAsync(callers));

        _host.WritePolicy(new RolloutPolicy(1, PreviousStable: []));
        await _host.WaitUntilAsync(rollout => rollout.GetProperty("policy").TryGetProperty("candidate", out var candidate) is false || candidate.ValueKind == JsonValueKind.Null);

        Assert.All(await _host.VersionsForAsync(callers), version => Assert.Equal(1, version));
        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync(callers[0], "/models/m/versions/2/predict"));
    }

    [Fact]
    public async Task Predict_PolicyWithProblems_LastGoodPolicyStaysAndTheProblemIsShown()
    {
        _host.WritePolicy(new RolloutPolicy(Stable: 1));
        Assert.Equal((HttpStatusCode.OK, 1), await _host.PredictAsync(null));

        _host.WritePolicyText("""{"stable": 1, "candidate": {"version": 2, "percent": 400, "startedAt": "2026-12-06T01:00:00Z"}}""");
        await _host.WaitUntilAsync(rollout => rollout.GetProperty("policyProblems").GetArrayLength() > 0);

        var rollout = await _host.DescribeRolloutAsync();
        Assert.Contains("\"candidate.percent\" must be a share from 0 to 100; got 400", rollout.GetProperty("policyProblems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, rollout.GetProperty("policy").GetProperty("stable").GetInt32());
        Assert.All(await _host.VersionsForAsync(Enumerable.Range(0, 50).Select(i => $"caller-{i}")), version => Assert.Equal(1, version));
    }

    [Fact]
    public async Task Describe_CandidateAtHundredPercent_DescribesStableTheDefaultVersion()
    {
        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 100, Started)));

        using var response = await _host.Client.GetAsync("/models/m");

        Assert.Equal(1, (await response.JsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync("caller-1"));
    }

    [Fact]
    public async Task Predict_StableGoneFromTheStore_HighestVersionServesInstead()
    {
        _host.WritePolicy(new RolloutPolicy(Stable: 7));

        Assert.Equal((HttpStatusCode.OK, 2), await _host.PredictAsync("caller-1"));
    }

    [Fact]
    public async Task Describe_PolicyInForce_ShowsEachVersionsFigures()
    {
        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 50, Started)));
        var versions = await _host.VersionsForAsync(Enumerable.Range(0, 40).Select(i => $"caller-{i}"));

        var figures = (await _host.DescribeRolloutAsync()).GetProperty("versions").EnumerateArray()
            .ToDictionary(version => version.GetProperty("version").GetInt32());

        Assert.Equal("stable", figures[1].GetProperty("role").GetString());
        Assert.Equal("candidate", figures[2].GetProperty("role").GetString());
        Assert.Equal(versions.Count(version => version == 2), figures[2].GetProperty("requests").GetProperty("200").GetInt64());
        Assert.Equal(versions.Count(version => version == 1), figures[1].GetProperty("requests").GetProperty("200").GetInt64());
    }
}
