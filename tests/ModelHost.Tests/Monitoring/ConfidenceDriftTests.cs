using System.Globalization;
using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Monitoring;

/// <summary>
/// A real classifier (an MLP with softmax and a labels sidecar) served over HTTP, fed inputs drawn from one distribution
/// and then from a shifted one. Every input is seeded, so the figures are the same on every run.
/// </summary>
public sealed class ConfidenceDriftTests : IDisposable
{
    private const int Features = 4;
    private const int RowsPerRequest = 50;
    private const string Labels = "\"labels\":[\"cat\",\"dog\",\"eel\"]";
    private static readonly byte[] Classifier = TestModelFactory.Mlp(Features, 16, 3, seed: 3);

    private readonly ModelHostApp _app = new(new()
    {
        [$"{ConfidenceDriftOptions.SectionName}:BaselineSize"] = "500",
        [$"{ConfidenceDriftOptions.SectionName}:WindowSize"] = "500",
        [$"{ConfidenceDriftOptions.SectionName}:MinimumSamples"] = "200",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Drift_InputsFromTheTrainingDistribution_StaysBelowATenth()
    {
        _app.AddModel("steady", 1, Classifier, $"{{{Labels}}}");
        using var metrics = new MetricRecorder(_app.Services);
        var client = _app.CreateClient();

        await PredictAsync(client, "steady", rows: 500, seed: 1, Usual);
        var learned = await DriftAsync(client, "steady");
        await PredictAsync(client, "steady", rows: 1000, seed: 2, Usual);
        var drift = await DriftAsync(client, "steady");

        Assert.Equal((ConfidenceDriftReading.Learned, 500L, 0), (learned.Baseline, learned.BaselineSamples, learned.WindowSamples));
        Assert.Null(learned.Drift);
        Assert.Equal((ConfidenceDriftReading.Learned, 500), (drift.Baseline, drift.WindowSamples));
        Assert.True(drift.Drift < 0.1, $"drift {drift.Drift} on inputs like the baseline's");
        var gauge = Assert.Single(metrics.Of(ConfidenceMonitors.DriftInstrument));
        Assert.Equal(("steady", "1"), (gauge.Tag(ModelTags.Id), gauge.Tag(ModelTags.Version)));
        Assert.Equal(drift.Drift!.Value, gauge.Value, precision: 12);
    }

    [Fact]
    public async Task Drift_InputsShifted_RisesPastAQuarterAndShowsInTheList()
    {
        _app.AddModel("shifting", 1, Classifier, $"{{{Labels}}}");
        var client = _app.CreateClient();

        await PredictAsync(client, "shifting", rows: 1000, seed: 1, Usual);
        var before = await DriftAsync(client, "shifting");
        await PredictAsync(client, "shifting", rows: 500, seed: 3, Shifted);
        var after = await DriftAsync(client, "shifting");

        Assert.True(before.Drift < 0.1, $"drift {before.Drift} before the shift");
        Assert.True(after.Drift > 0.25, $"drift {after.Drift} after every input moved");
        var listed = (await (await client.GetAsync("/models")).JsonAsync()).GetProperty("models").EnumerateArray().Single();
        Assert.Equal(after.Drift!.Value, listed.GetProperty("confidenceDrift").GetProperty("drift").GetDouble(), precision: 12);
    }

    [Fact]
    public async Task Drift_SidecarBaseline_IsComparedWithFromTheStart()
    {
        var usual = Baseline(DirectRun.Mlp(Classifier, Inputs(2000, seed: 9, Usual), Features));
        _app.AddModel("given", 1, Classifier, $"{{{Labels},\"confidenceBaseline\":[{usual}]}}");
        _app.AddModel("given", 2, Classifier, $"{{{Labels},\"confidenceBaseline\":[1,0,0,0,0,0,0,0,0,0]}}");
        var client = _app.CreateClient();

        await PredictAsync(client, "given/versions/1", rows: 500, seed: 1, Usual);
        await PredictAsync(client, "given/versions/2", rows: 500, seed: 1, Usual);
        var matching = await DriftAsync(client, "given/versions/1");
        var different = await DriftAsync(client, "given/versions/2");

        Assert.Equal((ConfidenceDriftReading.FromSidecar, null, 500), (matching.Baseline, matching.BaselineSamples, matching.WindowSamples));
        Assert.True(matching.Drift < 0.1, $"drift {matching.Drift} against a baseline of the same inputs");
        Assert.True(different.Drift > 0.25, $"drift {different.Drift} against a baseline of top scores under 0.1, which 3 labels cannot give");
        Assert.True(usual.Split(',').Count(count => count != "0") >= 5, $"the baseline {usual} spreads over too few bins to test anything");
    }

    [Fact]
    public async Task Drift_UnusableSidecarBaseline_ModelServesAndDescribeSaysWhy()
    {
        _app.AddModel("refused", 1, Classifier, $"{{{Labels},\"confidenceBaseline\":[1,2,3]}}");
        var client = _app.CreateClient();

        var response = await client.PredictRawAsync("/models/refused/predict", """{"inputs":{"x":[[0.1,0.2,0.3,0.4]]}}""");
        var drift = await DriftAsync(client, "refused");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cat dog eel".Split(' '), (await response.JsonAsync()).GetProperty("predictions")[0].GetProperty("top").EnumerateArray()
            .Select(label => label.GetProperty("label").GetString()).Order());
        Assert.Equal((ConfidenceDriftReading.Refused, null, 0), (drift.Baseline, drift.Drift, drift.WindowSamples));
        Assert.Equal(
            "\"confidenceBaseline\" in the labels.json of refused/1 has 3 numbers; expected an array of 10 non-negative numbers, the counts or fractions of top scores in the bins [0, 0.1), [0.1, 0.2), ..., [0.9, 1].",
            drift.BaselineProblem);
    }

    [Fact]
    public async Task Drift_OpenInferenceRequests_CountEveryRow()
    {
        _app.AddModel("v2", 1, Classifier, $"{{{Labels}}}");
        var client = _app.CreateClient();
        var body = JsonSerializer.Serialize(new
        {
            inputs = new[] { new { name = "x", shape = new[] { 120, Features }, datatype = "FP32", data = Inputs(120, seed: 4, Usual) } },
        });

        var response = await client.PredictRawAsync("/v2/models/v2/infer", body);
        var drift = await DriftAsync(client, "v2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((ConfidenceDriftReading.Learning, 120L), (drift.Baseline, drift.BaselineSamples));
    }

    [Fact]
    public async Task Describe_ModelWithoutLabels_HasNoConfidenceDrift()
    {
        _app.AddModel("plain", 1, Classifier);

        var description = await (await _app.CreateClient().GetAsync("/models/plain")).JsonAsync();

        Assert.Equal(JsonValueKind.Null, description.GetProperty("confidenceDrift").ValueKind);
    }

    // The inputs the model "was trained on": uniform in [-6, 6] per feature, where its top scores spread over six bins
    // (0.3 to 0.9). Shifted: the same inputs shrunk towards zero, where the model is less sure of every answer.
    private static float Usual(float value) => value * 6;

    private static float Shifted(float value) => value * 1.5f;

    private static float[] Inputs(int rows, int seed, Func<float, float> transform) =>
        DirectRun.Inputs(rows, Features, seed).Select(transform).ToArray();

    private static async Task PredictAsync(HttpClient client, string model, int rows, int seed, Func<float, float> transform)
    {
        foreach (var batch in DirectRun.Rows(Inputs(rows, seed, transform), Features).Chunk(RowsPerRequest))
        {
            var body = JsonSerializer.Serialize(new { inputs = new { x = batch } });
            var response = await client.PredictRawAsync($"/models/{model}/predict", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<ConfidenceDriftReading> DriftAsync(HttpClient client, string model)
    {
        var description = await (await client.GetAsync($"/models/{model}")).JsonAsync();
        return description.GetProperty("confidenceDrift").Deserialize<ConfidenceDriftReading>(JsonSerializerOptions.Web)!;
    }

    /// <summary>The ten bins' counts of each row's top score, as a sidecar gives them.</summary>
    private static string Baseline(float[] scores)
    {
        var counts = new int[ConfidenceBins.Count];
        foreach (var row in scores.Chunk(3))
        {
            counts[ConfidenceBins.Of(row.Max())]++;
        }

        return string.Join(',', counts.Select(count => count.ToString(CultureInfo.InvariantCulture)));
    }
}
