using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

public sealed class OpenInferenceApiTests : IDisposable
{
    private readonly ModelHostApp _app = new();

    public OpenInferenceApiTests()
    {
        _app.AddModel("types", 1, TestModelFactory.AllTypes());
        _app.AddModel("mlp", 1, TestModelFactory.Mlp(3, 5, 2, seed: 1));
        _app.AddModel("mlp", 2, TestModelFactory.Mlp(3, 5, 2, seed: 2));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Infer_AllElementTypes_SameDataAsTheNativeEndpointWithProtocolDatatypes()
    {
        var native = AllTypesRequest.Build();
        var inputs = ProtocolInputs(native);

        var client = _app.CreateClient();
        var expected = await (await client.PredictAsync("/models/types/predict", native)).JsonAsync();
        var response = await client.PredictAsync("/v2/models/types/infer", new JsonObject { ["id"] = "request-7", ["inputs"] = inputs });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = await response.JsonAsync();
        Assert.Equal("types", actual.GetProperty("model_name").GetString());
        Assert.Equal("1", actual.GetProperty("model_version").GetString());
        Assert.Equal("request-7", actual.GetProperty("id").GetString());
        foreach (var output in expected.GetProperty("outputs").EnumerateArray())
        {
            var name = output.GetProperty("name").GetString()!;
            Assert.Equal(output.GetProperty("data").GetRawText(), actual.Output(name).GetProperty("data").GetRawText());
            Assert.Equal(Datatype(name), actual.Output(name).GetProperty("datatype").GetString());
        }
    }

    [Fact]
    public async Task Infer_PinnedVersionAndOutputFilter_RunsThatVersionAndReturnsOnlyThoseOutputs()
    {
        var response = await _app.CreateClient().PredictRawAsync("/v2/models/mlp/versions/1/infer",
            """{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}], "outputs": [{"name": "y"}]}""");

        var body = await response.JsonAsync();
        Assert.Equal("1", body.GetProperty("model_version").GetString());
        Assert.Equal(DirectRun.Mlp(TestModelFactory.Mlp(3, 5, 2, seed: 1), [1, 2, 3], 3), body.OutputFloats("y"));
    }

    [Fact]
    public async Task Infer_NoContentType_ReadsTheBodyAsJson()
    {
        var response = await _app.CreateClient().PostWithoutContentTypeAsync("/v2/models/mlp/infer",
            """{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DirectRun.Mlp(TestModelFactory.Mlp(3, 5, 2, seed: 2), [1, 2, 3], 3), (await response.JsonAsync()).OutputFloats("y"));
    }

    [Fact]
    public async Task Infer_NoContentTypeUnknownModel_Gets404NamingTheModel()
    {
        var response = await _app.CreateClient().PostWithoutContentTypeAsync("/v2/models/nope/infer", """{"inputs": []}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'nope'", (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/models/mlp/infer", "text/plain")]
    [InlineData("/models/mlp/predict", null)]
    public async Task Infer_ContentTypeThatIsNotJson_Gets415ButOnlyTheProtocolAcceptsNone(string path, string? contentType)
    {
        var content = new ByteArrayContent("""{"inputs": {"x": [[1, 2, 3]]}}"""u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await _app.CreateClient().PostAsync(path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "INT64", "data": [1, 2, 3]}]}""", "datatype INT64; the model expects FP32")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "data": [1, 2, 3]}]}""", "needs a \"datatype\"")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "parameters": {"binary_data_size": 12}}]}""", "no Inference-Header-Content-Length header")]
    [InlineData("""{"inputs": {"x": [[1, 2, 3]]}}""", "\"inputs\" array")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}], "outputs": [{"name": "y", "parameters": {"classification": 2}}]}""", "Output 'y' has the parameter classification of a Triton extension")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}, {"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}]}""", "given more than once")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""", "more than 3 data elements")]
    public async Task Infer_BadRequest_AnswersWithTheProtocolErrorField(string body, string error)
    {
        var response = await _app.CreateClient().PredictRawAsync("/v2/models/mlp/infer", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/models/mlp/infer", "application/json", """{"inputs": "x"}""", 400, "\"inputs\" array")]
    [InlineData("/v2/models/mlp/infer", "text/plain", "{}", 415, "application/json")]
    [InlineData("/v2/models/nope/infer", "application/json", "{}", 404, "'nope'")]
    [InlineData("/v2/models/nope/config", null, null, 404, "'nope'")]
    [InlineData("/v2/models/mlp/nothing-here", null, null, 404, "Not Found")]
    public async Task Errors_OnProtocolRoutes_AreExactlyApplicationJsonWithTheErrorField(string path, string? contentType, string? body, int status, string error)
    {
        var client = _app.CreateClient();
        var response = body is null ? await client.GetAsync(path) : await client.PredictRawAsync(path, body, contentType!);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString()); // KServe's client compares the whole header
        var problem = await response.JsonAsync();
        Assert.Contains(error, problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Errors_OnNativeRoutes_StayProblemDetailsWithoutTheErrorField()
    {
        var response = await _app.CreateClient().PredictRawAsync("/models/nope/predict", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False((await response.JsonAsync()).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task ModelMetadataAndReady_DescribeTheModelInProtocolTerms()
    {
        var client = _app.CreateClient();

        var metadata = await (await client.GetAsync("/v2/models/mlp")).JsonAsync();
        var ready = await client.GetAsync("/v2/models/mlp/versions/2/ready");
        var missing = await client.GetAsync("/v2/models/nope/ready");

        Assert.Equal(["1", "2"], metadata.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("onnx_onnxv1", metadata.GetProperty("platform").GetString());
        var input = Assert.Single(metadata.GetProperty("inputs").EnumerateArray());
        Assert.Equal("FP32", input.GetProperty("datatype").GetString());
        Assert.Equal([-1, 3], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.True((await ready.JsonAsync()).GetProperty("ready").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("does not exist", (await missing.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ServerMetadata_ListsTheExtensionsServedWhole()
    {
        var metadata = await (await _app.CreateClient().GetAsync("/v2")).JsonAsync();

        Assert.Equal(["binary_tensor_data", "model_configuration", "statistics"], metadata.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Infer_ModelWithLabelsAndOutputsNamed_ReturnsOnlyTheOutputsAskedFor()
    {
        // out_float is the only output that fits two labels, so the run adds it for the labels of our format.
        _app.AddModel("labelled", 1, TestModelFactory.AllTypes(), """{"labels": ["a", "b"]}""");
        var request = new JsonObject { ["inputs"] = ProtocolInputs(AllTypesRequest.Build()), ["outputs"] = new JsonArray(new JsonObject { ["name"] = "out_int64" }) };

        var response = await _app.CreateClient().PredictAsync("/v2/models/labelled/infer", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = Assert.Single((await response.JsonAsync()).GetProperty("outputs").EnumerateArray());
        Assert.Equal("out_int64", output.GetProperty("name").GetString());
    }

    private static JsonArray ProtocolInputs(JsonObject native)
    {
        var inputs = new JsonArray();
        foreach (var (name, value) in native["inputs"]!.AsObject())
        {
            var shape = name switch { "in_scalar" => "[]", "in_fixed" => "[3]", _ => "[1, 2]" };
            var data = value is JsonArray ? value.ToJsonString() : $"[{value!.ToJsonString()}]"; // protocol data is always an array
            inputs.Add(JsonNode.Parse($$"""{"name": "{{name}}", "shape": {{shape}}, "datatype": "{{Datatype(name)}}", "data": {{data}}}"""));
        }

        return inputs;
    }

    private static string Datatype(string name) => name[(name.IndexOf('_') + 1)..] switch
    {
        "float" or "scalar" or "fixed" => "FP32",
        "double" => "FP64",
        "string" => "BYTES",
        var type => type.ToUpperInvariant(),
    };
}
