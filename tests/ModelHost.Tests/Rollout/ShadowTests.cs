using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Models;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Rollout;

public sealed class ShadowTests : IDisposable
{
    private readonly RolloutHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Predict_ShadowAtHundredPercent_AnswersFromStableAndAgreementMatchesDirectComparison()
    {
        _host.WritePolicy(new RolloutPolicy(1, Shadow: new ShadowRollout(2, 100)));

        // The first sampled requests find the shadow unloaded (skipped, and its load started); later ones run it.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            Assert.Equal((HttpStatusCode.OK, 1), await _host.PredictAsync("caller"));
            return ShadowOf(await _host.DescribeRolloutAsync()) is { } shadow && shadow.GetProperty("runs").GetInt64() >= 5;
        }));

        var figures = ShadowOf(await _host.DescribeRolloutAsync())!.Value;
        var stable = DirectRun.Mlp(_host.Version1, RolloutHost.Input, RolloutHost.Inputs);
        var shadowed = DirectRun.Mlp(_host.Version2, RolloutHost.Input, RolloutHost.Inputs);
        var maxDifference = stable.Zip(shadowed, (a, b) => (double)Math.Abs(a - b)).Max();
        var rows = stable.Chunk(3).Zip(shadowed.Chunk(3)).ToArray();
        var agreement = (double)rows.Count(row => ArgMax(row.First) == ArgMax(row.Second)) / rows.Length;

        Assert.Equal(0, figures.GetProperty("failed").GetInt64());
        Assert.Equal(maxDifference, figures.GetProperty("maxAbsDifference").GetDouble(), 1e-6);
        Assert.Equal(agreement, figures.GetProperty("top1Agreement").GetDouble(), 1e-4);
    }

    [Fact]
    public async Task Predict_ShadowFailingAtRun_CallersAnswerUnaffectedAndFailuresCounted()
    {
        using var host = new RolloutHost(version2: TestModelFactory.MlpFailingAtRun(RolloutHost.Inputs, 8, 3));
        host.WritePolicy(new RolloutPolicy(1, Shadow: new ShadowRollout(2, 100)));

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            Assert.Equal((HttpStatusCode.OK, 1), await host.PredictAsync("caller"));
            return ShadowOf(await host.DescribeRolloutAsync()) is { } shadow && shadow.GetProperty("failed").GetInt64() >= 3;
        }));
    }

    private static JsonElement? ShadowOf(JsonElement rollout) =>
        rollout.ValueKind == JsonValueKind.Object
        && rollout.GetProperty("versions").EnumerateArray().FirstOrDefault(version => version.GetProperty("version").GetInt32() == 2) is { ValueKind: JsonValueKind.Object } v2
        && v2.GetProperty("shadow") is { ValueKind: JsonValueKind.Object } shadow
            ? shadow
            : null;

    private static int ArgMax(float[] row) => Array.IndexOf(row, row.Max());
}
