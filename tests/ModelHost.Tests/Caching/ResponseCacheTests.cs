using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Caching.ResponseCache;
using MultiModel.ModelHost.Hosting;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Tests.Rollout;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.ServiceDefaults;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Caching;

/// <summary>
/// The response cache through the real host: a hit is told by its <c>Age</c> header (a miss has none) and by the
/// cache's own entries; answers are checked against a direct ONNX Runtime run of the version that should have answered.
/// </summary>
public sealed class ResponseCacheTests : IDisposable
{
    private const string Body = """{"inputs":{"x":[[0.5,-0.5]]}}""";
    private static readonly float[] Input = [0.5f, -0.5f];
    private readonly ModelHostApp _app;
    private readonly byte[] _model = TestModelFactory.Mlp(2, 6, 2, seed: 1);

    public ResponseCacheTests() => _app = App();

    public void Dispose() => _app.Dispose();

    private ResponseCache Cache => _app.Services.GetRequiredService<ResponseCache>();

    private static ModelHostApp App(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["ModelHost:ResponseCache:Models:m:Enabled"] = "true" };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new ModelHostApp(settings, fakeTime: true);
    }

    [Fact]
    public async Task Predict_SameTensorsInOtherJsonForms_HitTheFirstAnswer()
    {
        _app.AddModel("m", 1, _model);
        var client = _app.CreateClient();
        var first = await PostAsync(client, "/models/m/predict", Body);

        string[] sameTensors =
        [
            """ { "inputs" : { "x" : [ [ 0.5 , -0.5 ] ] } } """,
            """{"inputs":{"x":[[5e-1,-0.50000]]}}""",
            """{"inputs":{"x":[[0.5E0,-50e-2]]}}""",
            """{"inputs":{"x":{"shape":[1,2],"data":[0.5,-0.5]}}}""",
        ];
        var hits = new List<Answer>();
        foreach (var body in sameTensors)
        {
            hits.Add(await PostAsync(client, "/models/m/predict", body));
        }

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.Age);
        Assert.Equal(DirectRun.Mlp(_model, Input, 2), Floats(first.Body));
        Assert.All(hits, hit => Assert.Equal(("0", first.Body), (hit.Age, hit.Body)));
        Assert.Equal(1, Cache.Entries);
    }

    [Fact]
    public async Task Predict_KeysInAnotherOrder_Hit()
    {
        _app.AddModel("m", 1, _model);
        var client = _app.CreateClient();
        var first = await PostAsync(client, "/models/m/predict", """{"inputs":{"x":[[0.5,-0.5]]},"outputs":["y"]}""");
        var reordered = await PostAsync(client, "/models/m/predict", """{"outputs":["y"],"inputs":{"x":[[0.5,-0.5]]}}""");
        var otherOutputs = await PostAsync(client, "/models/m/predict", Body); // all outputs: another answer's key

        Assert.Null(first.Age);
        Assert.Equal(("0", first.Body), (reordered.Age, reordered.Body));
        Assert.Null(otherOutputs.Age);
    }

    [Fact]
    public async Task Infer_BinaryAfterJson_HitsTheJsonAnswer()
    {
        _app.AddModel("m", 1, _model);
        var client = _app.CreateClient();
        var json = await PostAsync(client, "/v2/models/m/infer", """{"inputs":[{"name":"x","shape":[1,2],"datatype":"FP32","data":[0.5,-0.5]}]}""");

        var header = """{"inputs":[{"name":"x","shape":[1,2],"datatype":"FP32","parameters":{"binary_data_size":8}}]}"""u8.ToArray();
        var body = header.Concat(Input.SelectMany(BitConverter.GetBytes)).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/models/m/infer") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/octet-stream");
        request.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(CultureInfo.InvariantCulture));
        var binary = await AnswerOf(await client.SendAsync(request));
        var native = await PostAsync(client, "/models/m/predict", Body); // another format: another answer

        Assert.Null(json.Age);
        Assert.Equal(DirectRun.Mlp(_model, Input, 2), Floats(json.Body));
        Assert.Equal(("0", json.Body), (binary.Age, binary.Body));
        Assert.Null(native.Age);
    }

    [Fact]
    public async Task Predict_OneBitChangedInAnInput_Misses()
    {
        _app.AddModel("m", 1, _model);
        var client = _app.CreateClient();
        await PostAsync(client, "/models/m/predict", Body);
        var changed = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(0.5f) ^ 1);

        var answer = await PostAsync(client, "/models/m/predict",
            $$$"""{"inputs":{"x":[[{{{changed.ToString("R", CultureInfo.InvariantCulture)}}},-0.5]]}}""");

        Assert.Null(answer.Age);
        Assert.Equal(DirectRun.Mlp(_model, [changed, -0.5f], 2), Floats(answer.Body));
        Assert.Equal(2, Cache.Entries);
    }

    [Fact]
    public async Task Predict_AgeCountsUpAndTheAnswerExpiresAfterItsTimeToLive()
    {
        _app.AddModel("m", 1, _model);
        var client = _app.CreateClient();
        await PostAsync(client, "/models/m/predict", Body);

        _app.Time!.Advance(TimeSpan.FromSeconds(7));
        var aged = await PostAsync(client, "/models/m/predict", Body);
        _app.Time.Advance(TimeSpan.FromMinutes(5)); // the default TimeToLive
        var expired = await PostAsync(client, "/models/m/predict", Body);

        Assert.Equal("7", aged.Age);
        Assert.Null(expired.Age);
    }

    [Fact]
    public async Task Predict_NewVersion_UnpinnedCallersNeverGetTheOldVersionsAnswer()
    {
        _app.AddModel("m", 1, _model);
        var client = _app.CreateClient();
        var old = await PostAsync(client, "/models/m/predict", Body);
        var version2 = TestModelFactory.Mlp(2, 6, 2, seed: 2);
        _app.AddModel("m", 2, version2);
        _app.Time!.Advance(TimeSpan.FromSeconds(31)); // the version listing is trusted for RevalidateAfter

        Assert.True(await Eventually.TrueAsync(async () => Version((await PostAsync(client, "/models/m/predict", Body)).Body) == 2));
        var after = await PostAsync(client, "/models/m/predict", Body);
        var pinned = await PostAsync(client, "/models/m/versions/1/predict", Body);

        Assert.Equal(1, Version(old.Body));
        Assert.Equal(2, Version(after.Body));
        Assert.Equal(DirectRun.Mlp(version2, Input, 2), Floats(after.Body));
        Assert.Equal(("31", old.Body), (pinned.Age, pinned.Body)); // a caller who asks for version 1 still gets its answer
    }

    [Fact]
    public async Task Predict_ObjectOverwrittenUnderConcurrentRequests_NoOldAnswerAfterTheFirstNewOne()
    {
        var path = _app.AddModel("m", 1, _model);
        var replacement = TestModelFactory.Mlp(2, 6, 2, seed: 2);
        var client = _app.CreateClient();
        var oldOutputs = DirectRun.Mlp(_model, Input, 2);
        var newOutputs = DirectRun.Mlp(replacement, Input, 2);
        Assert.Equal(oldOutputs, Floats((await PostAsync(client, "/models/m/predict", Body)).Body));
        Assert.Equal("0", (await PostAsync(client, "/models/m/predict", Body)).Age);

        _app.AddModel("m", 1, replacement);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // a different ETag even on coarse file clocks
        _app.Time!.Advance(TimeSpan.FromSeconds(31));
        var answers = new System.Collections.Concurrent.ConcurrentQueue<(long Started, long Ended, float[] Outputs)>();
        var firstNew = long.MaxValue;
        async Task CallerAsync()
        {
            // Each caller goes on until five of its requests started after the first new answer ended: stopping at the
            // first new answer left none started after it when the reload came late (a CI run under load).
            var startedAfterNew = 0;
            for (var request = 0; request < 200 && startedAfterNew < 5; request++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                startedAfterNew += started > Interlocked.Read(ref firstNew) ? 1 : 0;
                var outputs = Floats((await PostAsync(client, "/models/m/predict", Body)).Body);
                var ended = System.Diagnostics.Stopwatch.GetTimestamp();
                if (outputs.SequenceEqual(newOutputs))
                {
                    InterlockedMin(ref firstNew, ended);
                }

                answers.Enqueue((started, ended, outputs));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(CallerAsync)));

        Assert.NotEqual(long.MaxValue, firstNew);
        Assert.All(answers, answer => Assert.True(answer.Outputs.SequenceEqual(oldOutputs) || answer.Outputs.SequenceEqual(newOutputs)));
        var later = answers.Where(answer => answer.Started > firstNew).ToArray();
        Assert.NotEmpty(later);
        Assert.All(later, answer => Assert.Equal(newOutputs, answer.Outputs));
        Assert.Equal(1, Cache.Entries); // the old object's answer went with it
    }

    [Fact]
    public async Task Predict_StreamOfDistinctInputs_BytesStayWithinTheLimitAndTheLeastRecentlyUsedGoFirst()
    {
        using var app = App(new() { ["ModelHost:ResponseCache:MaxMegabytes"] = "1", ["ModelHost:ResponseCache:MaxEntryKilobytes"] = "64" });
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 6, 2000, seed: 1)); // answers of about 20 KB
        var client = app.CreateClient();
        var cache = app.Services.GetRequiredService<ResponseCache>();
        var most = 0L;
        for (var i = 0; i < 150; i++)
        {
            var answer = await PostAsync(client, "/models/m/predict", $$$"""{"inputs":{"x":[[{{{i}}},0.25]]}}""");
            Assert.Equal((HttpStatusCode.OK, null), (answer.Status, answer.Age));
            most = Math.Max(most, cache.UsedBytes);
            app.Time!.Advance(TimeSpan.FromSeconds(1)); // recency is read from the clock
        }

        var latest = await PostAsync(client, "/models/m/predict", """{"inputs":{"x":[[149,0.25]]}}""");
        var earliest = await PostAsync(client, "/models/m/predict", """{"inputs":{"x":[[0,0.25]]}}""");

        Assert.Equal(1024 * 1024, cache.LimitBytes);
        Assert.InRange(most, 512 * 1024, cache.LimitBytes); // it filled up, and never past its limit
        Assert.InRange(cache.Entries, 20, 60);
        Assert.Equal("1", latest.Age);
        Assert.Null(earliest.Age);
    }

    [Fact]
    public async Task Predict_ClientAndServerErrors_AreNeverStored()
    {
        _app.AddModel("m", 1, TestModelFactory.MlpFailingAtRun(2, 6, 2));
        var client = _app.CreateClient();
        var wrongShape = """{"inputs":{"x":[[1,2,3]]}}""";

        var answers = new List<Answer>();
        for (var i = 0; i < 2; i++)
        {
            answers.Add(await PostAsync(client, "/models/m/predict", wrongShape));
            answers.Add(await PostAsync(client, "/models/m/predict", Body));
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.InternalServerError, HttpStatusCode.BadRequest, HttpStatusCode.InternalServerError],
            answers.Select(answer => answer.Status));
        Assert.All(answers, answer => Assert.Null(answer.Age));
        Assert.Equal(0, Cache.Entries);
    }

    [Fact]
    public async Task Predict_ModelNotEnabled_IsNeverStored()
    {
        _app.AddModel("other", 1, _model);
        var client = _app.CreateClient();

        var first = await PostAsync(client, "/models/other/predict", Body);
        var second = await PostAsync(client, "/models/other/predict", Body);

        Assert.Equal((HttpStatusCode.OK, null), (first.Status, first.Age));
        Assert.Equal((HttpStatusCode.OK, null), (second.Status, second.Age));
        Assert.Equal(0, Cache.Entries);
    }

    [Fact]
    public async Task Predict_RolloutSplit_EachCallerGetsItsOwnVersionsAnswer()
    {
        using var host = new RolloutHost(settings: new() { ["ModelHost:ResponseCache:Models:m:Enabled"] = "true" });
        host.WritePolicy(new RolloutPolicy(1, new CandidateRollout(2, 50, DateTimeOffset.UtcNow)));
        await host.WaitUntilAsync(rollout => rollout.GetProperty("policy").TryGetProperty("candidate", out _));
        var callers = Enumerable.Range(0, 20).Select(i => $"caller-{i}").ToArray();

        var first = await host.VersionsForAsync(callers);
        var again = await host.VersionsForAsync(callers); // every input the same: each answer is in the cache by now

        Assert.Contains(1, first);
        Assert.Contains(2, first);
        Assert.Equal(first, again);
        Assert.Equal(2, host.App.Services.GetRequiredService<ResponseCache>().Entries);
    }

    /// <remarks>Checked as Program.cs checks before it starts the host (and exits 1 with these lines).</remarks>
    [Fact]
    public void Start_ResponseCacheTakingTheWholeBudget_FailsNamingTheSetting()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelHost:ResponseCache:Models:m:Enabled"] = "true",
            ["ModelHost:Cache:BudgetMegabytes"] = "100",
            ["ModelHost:ResponseCache:MaxMegabytes"] = "50",
        });
        builder.AddModelHost();
        using var app = builder.Build();

        var failure = app.InvalidSettings();

        Assert.NotNull(failure);
        Assert.StartsWith("Invalid setting in ModelHost:ResponseCache: ", failure, StringComparison.Ordinal);
        Assert.Contains("ModelHost:ResponseCache:MaxMegabytes", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_ResponseCacheOn_ItsBytesComeOutOfTheModelsBudget()
    {
        using var app = App(new() { ["ModelHost:Cache:BudgetMegabytes"] = "200", ["ModelHost:ResponseCache:MaxMegabytes"] = "40" });
        var cache = await (await app.CreateClient().GetAsync("/models")).JsonAsync();

        Assert.Equal(160L * 1024 * 1024, cache.GetProperty("budgetBytes").GetInt64());
        Assert.Contains("less ModelHost:ResponseCache:MaxMegabytes = 40", cache.GetProperty("budgetSource").GetString());
        Assert.Equal(40L * 1024 * 1024, cache.GetProperty("responseCache").GetProperty("limitBytes").GetInt64());
    }

    private static async Task<Answer> PostAsync(HttpClient client, string path, string body) =>
        await AnswerOf(await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json")));

    private static async Task<Answer> AnswerOf(HttpResponseMessage response)
    {
        using (response)
        {
            var age = response.Headers.TryGetValues("Age", out var values) ? values.Single() : null;
            return new(response.StatusCode, await response.Content.ReadAsStringAsync(), age);
        }
    }

    private static float[] Floats(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.OutputFloats("y");
    }

    private static int Version(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("modelVersion").GetInt32();
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Interlocked.Read(ref target);
        }
    }

    private sealed record Answer(HttpStatusCode Status, string Body, string? Age);
}
