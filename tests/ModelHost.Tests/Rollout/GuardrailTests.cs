using System.Net;
using MultiModel.ModelHost.Models;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Rollout;

public sealed class GuardrailTests : IDisposable
{
    private readonly RolloutHost _host = new(version2: TestModelFactory.MlpFailingAtRun(RolloutHost.Inputs, 8, 3));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Predict_CandidateFailingAtRun_TakenOutOfRotationBeforeFiftyFailuresThenNoServerErrors()
    {
        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 50, DateTimeOffset.UtcNow)));
        var serverErrors = 0;
        var caller = 0;
        for (; caller < 1000 && serverErrors < 50; caller++)
        {
            var (status, _) = await _host.PredictAsync($"caller-{caller}");
            serverErrors += status >= HttpStatusCode.InternalServerError ? 1 : 0;
            if ((await _host.DescribeRolloutAsync()).GetProperty("candidateOutOfRotation").ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                break;
            }
        }

        Assert.InRange(serverErrors, 1, 49);
        var trip = (await _host.DescribeRolloutAsync()).GetProperty("candidateOutOfRotation");
        Assert.Equal(2, trip.GetProperty("version").GetInt32());
        Assert.Contains("failed with a 5xx", trip.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var after = await _host.VersionsForAsync(Enumerable.Range(0, 200).Select(i => $"after-{i}"));
        Assert.All(after, version => Assert.Equal(1, version));
        Assert.Equal(HttpStatusCode.InternalServerError, (await _host.PredictAsync("pinned", "/models/m/versions/2/predict")).Status);
    }

    [Fact]
    public async Task Predict_NewRolloutOfTrippedCandidate_GuardrailStartsAgain()
    {
        var first = DateTimeOffset.UtcNow;
        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 100, first)));
        for (var i = 0; i < RolloutGuardrails.Default.MinRequests; i++)
        {
            await _host.PredictAsync($"caller-{i}");
        }

        Assert.Equal((HttpStatusCode.OK, 1), await _host.PredictAsync("caller-x"));

        _host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 100, first.AddMinutes(1))));
        await _host.WaitUntilAsync(rollout => rollout.GetProperty("candidateOutOfRotation").ValueKind == System.Text.Json.JsonValueKind.Null);

        Assert.Equal(HttpStatusCode.InternalServerError, (await _host.PredictAsync("caller-y")).Status);
    }
}
