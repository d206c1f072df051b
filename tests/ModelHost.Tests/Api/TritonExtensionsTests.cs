using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>
/// Triton's model configuration, repository and statistics extensions, in the shapes tritonclient.http's
/// get_model_config, get_model_repository_index, load_model/unload_model and get_inference_statistics read (the
/// client sends these requests with no body and no Content-Type).
/// </summary>
public sealed class TritonExtensionsTests : IDisposable
{
    private readonly ModelHostApp _app = new();

    public TritonExtensionsTests()
    {
        _app.AddModel("mlp", 1, TestModelFactory.Mlp(4, 6, 3, seed: 1));
        _app.AddModel("mlp", 3, TestModelFactory.Mlp(4, 6, 3, seed: 3)); // no version 2: versions are listed, not counted
        _app.AddModel("half", 1, TestModelFactory.ReducedPrecision());
        _app.AddModel("zipmap", 1, TestModelFactory.ZipMapClassifier(["a", "b", "c"]));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Config_PinnedVersion_TritonConfigFromTheSignature()
    {
        var config = await GetJsonAsync("/v2/models/mlp/versions/1/config");

        Assert.Equal("mlp", config.GetProperty("name").GetString());
        Assert.Equal("onnxruntime_onnx", config.GetProperty("platform").GetString());
        Assert.Equal("onnxruntime", config.GetProperty("backend").GetString());
        Assert.Equal(0, config.GetProperty("max_batch_size").GetInt32());
        Assert.Equal([1], config.GetProperty("version_policy").GetProperty("specific").GetProperty("versions").EnumerateArray().Select(v => v.GetInt64()));
        var input = Assert.Single(config.GetProperty("input").EnumerateArray());
        Assert.Equal(("x", "TYPE_FP32", "[-1,4]"), Tensor(input));
        var output = Assert.Single(config.GetProperty("output").EnumerateArray());
        Assert.Equal(("y", "TYPE_FP32", "[-1,3]"), Tensor(output));
    }

    [Fact]
    public async Task Config_ReducedPrecisionAndZipMapOutputs_TritonTypeNames()
    {
        var half = await GetJsonAsync("/v2/models/half/config");
        var zipMap = await GetJsonAsync("/v2/models/zipmap/config");

        Assert.Equal([("in_fp16", "TYPE_FP16", "[-1,3]"), ("in_bf16", "TYPE_BF16", "[-1,3]")], half.GetProperty("input").EnumerateArray().Select(Tensor));
        Assert.Equal([1], half.GetProperty("version_policy").GetProperty("specific").GetProperty("versions").EnumerateArray().Select(v => v.GetInt64()));
        Assert.Equal([("label", "TYPE_INT64", "[-1]"), ("probabilities", "TYPE_STRING", "[-1]")], zipMap.GetProperty("output").EnumerateArray().Select(Tensor));
    }

    [Theory]
    [InlineData("/v2/models/nope/config", "'nope'")]
    [InlineData("/v2/models/nope/stats", "'nope'")]
    [InlineData("/v2/models/mlp/versions/9/stats", "no version 9")]
    public async Task UnknownModelOrVersion_404WithTheProtocolErrorBody(string path, string error)
    {
        var response = await _app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(error, (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryIndex_NoBody_EveryStoredModelAndTheLoadedVersionsReady()
    {
        var client = _app.CreateClient();
        await client.PredictAsync("/models/mlp/versions/1/predict", new JsonObject { ["inputs"] = new JsonObject { ["x"] = new JsonArray(new JsonArray(1, 2, 3, 4)) } });

        var index = await (await client.PostAsync("/v2/repository/index", null)).JsonAsync();
        var ready = await (await client.PostAsync("/v2/repository/index", new StringContent("""{"ready": true}"""))).JsonAsync();

        Assert.Equal(
            [("half", null, "UNAVAILABLE"), ("mlp", "1", "READY"), ("zipmap", null, "UNAVAILABLE")],
            index.EnumerateArray().Select(Entry));
        Assert.Equal([("mlp", "1", "READY")], ready.EnumerateArray().Select(Entry));
        Assert.All(index.EnumerateArray(), entry => Assert.True(entry.TryGetProperty("reason", out _)));
    }

    [Fact]
    public async Task RepositoryIndex_ModelFileOutsideAVersionFolder_UnavailableSayingNoVersionLoads()
    {
        var latest = Directory.CreateDirectory(Path.Combine(_app.StoreRoot, "latest-only", "latest")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(latest, "model.onnx"), TestModelFactory.Mlp(4, 6, 3, seed: 1));
        var client = _app.CreateClient();

        var index = await (await client.PostAsync("/v2/repository/index", null)).JsonAsync();
        var predict = await client.PredictAsync("/models/latest-only/predict", new JsonObject { ["inputs"] = new JsonObject() });

        var entries = index.EnumerateArray().ToDictionary(entry => entry.GetProperty("name").GetString()!);
        Assert.Equal(("latest-only", null, "UNAVAILABLE"), Entry(entries["latest-only"]));
        Assert.StartsWith("no version to load: a version is a folder named by a positive integer", entries["latest-only"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("not loaded; the first request for it loads version 3", entries["mlp"].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, predict.StatusCode); // what the index says is what a request gets
    }

    [Theory]
    [InlineData("""{"ready": "yes"}""", "expected true or false")]
    [InlineData("[true]", "expected an object")]
    [InlineData("{\"ready\": ", "not valid JSON")]
    public async Task RepositoryIndex_BadBody_400SayingWhatIsExpected(string body, string error)
    {
        var response = await _app.CreateClient().PostAsync("/v2/repository/index", new StringContent(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_LoadsTheHighestVersionIntoTheCache()
    {
        var client = _app.CreateClient();

        var response = await client.PostAsync("/v2/repository/models/mlp/load", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("mlp", 3)], _app.Cache.Snapshot().Models.Select(model => (model.Ref.Id, model.Ref.Version)));
        var ready = await (await client.PostAsync("/v2/repository/index", new StringContent("""{"ready": true}"""))).JsonAsync();
        Assert.Equal([("mlp", "3", "READY")], ready.EnumerateArray().Select(Entry));
    }

    [Theory]
    [InlineData("/v2/repository/models/mlp/load", """{"parameters": {"config": "{}"}}""", 400, "config")]
    [InlineData("/v2/repository/models/nope/load", "", 404, "'nope'")]
    [InlineData("/v2/repository/models/mlp/unload", "", 400, "evicts models itself")]
    public async Task LoadAndUnload_WhatCannotBeDone_AnErrorSayingWhy(string path, string body, int status, string error)
    {
        var response = await _app.CreateClient().PostAsync(path, new StringContent(body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(error, (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_app.Cache.Snapshot().Models);
    }

    [Fact]
    public async Task Statistics_CountSuccessesFailuresAndInferenceTimePerVersion()
    {
        var client = _app.CreateClient();
        var request = new JsonObject { ["inputs"] = new JsonObject { ["x"] = new JsonArray(new JsonArray(1, 2, 3, 4)) } };
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PredictAsync("/models/mlp/versions/1/predict", request.DeepClone())).StatusCode);
        }

        var unknownOutput = new JsonObject { ["inputs"] = request["inputs"]!.DeepClone(), ["outputs"] = new JsonArray("z") };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PredictAsync("/models/mlp/versions/1/predict", unknownOutput)).StatusCode);

        var version = Assert.Single((await GetJsonAsync("/v2/models/mlp/versions/1/stats")).GetProperty("model_stats").EnumerateArray());
        var model = (await GetJsonAsync("/v2/models/mlp/stats")).GetProperty("model_stats").EnumerateArray().ToArray();
        var all = (await GetJsonAsync("/v2/models/stats")).GetProperty("model_stats").EnumerateArray().ToArray();

        Assert.Equal(("mlp", "1"), (version.GetProperty("name").GetString(), version.GetProperty("version").GetString()));
        Assert.Equal(2, version.GetProperty("inference_count").GetInt64());
        Assert.Equal(2, version.GetProperty("execution_count").GetInt64());
        Assert.True(version.GetProperty("last_inference").GetInt64() > 0);
        var stats = version.GetProperty("inference_stats");
        Assert.Equal(2, stats.GetProperty("success").GetProperty("count").GetInt64());
        Assert.Equal(1, stats.GetProperty("fail").GetProperty("count").GetInt64());
        Assert.Equal(2, stats.GetProperty("compute_infer").GetProperty("count").GetInt64());
        Assert.True(stats.GetProperty("compute_infer").GetProperty("ns").GetInt64() > 0);
        Assert.True(stats.GetProperty("success").GetProperty("ns").GetInt64() >= stats.GetProperty("compute_infer").GetProperty("ns").GetInt64());
        Assert.Equal(0, stats.GetProperty("queue").GetProperty("count").GetInt64()); // not measured: zero, as documented
        Assert.Equal(["1", "3"], model.Select(entry => entry.GetProperty("version").GetString()));
        Assert.Equal(0, model[1].GetProperty("inference_count").GetInt64());
        Assert.Equal([("mlp", "1")], all.Select(entry => (entry.GetProperty("name").GetString(), entry.GetProperty("version").GetString())));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static (string?, string?, string) Tensor(JsonElement tensor) =>
        (tensor.GetProperty("name").GetString(), tensor.GetProperty("data_type").GetString(), tensor.GetProperty("dims").GetRawText().Replace(" ", "", StringComparison.Ordinal));

    private static (string?, string?, string?) Entry(JsonElement entry) =>
        (entry.GetProperty("name").GetString(), entry.TryGetProperty("version", out var version) ? version.GetString() : null, entry.GetProperty("state").GetString());
}
