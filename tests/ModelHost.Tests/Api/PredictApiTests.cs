using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

public sealed class PredictApiTests : IDisposable
{
    private readonly ModelHostApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(4, 8, 3, 1, 1)]
    [InlineData(64, 256, 10, 3, 5)]
    public async Task Predict_MlpModel_OutputsEqualDirectOnnxRuntimeRun(int inputs, int hidden, int outputs, int layers, int rows)
    {
        var model = TestModelFactory.Mlp(inputs, hidden, outputs, layers, seed: 7);
        _app.AddModel("mlp", 1, model);
        var input = DirectRun.Inputs(rows, inputs, seed: 11);

        var response = await _app.CreateClient().PredictAsync("/models/mlp/predict",
            new JsonObject { ["inputs"] = new JsonObject { ["x"] = JsonSerializer.SerializeToNode(DirectRun.Rows(input, inputs)) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal([rows, outputs], body.Output("y").GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal("float32", body.Output("y").GetProperty("datatype").GetString());
        Assert.Equal(DirectRun.Mlp(model, input, inputs), body.OutputFloats("y"));
    }

    [Fact]
    public async Task Predict_ExplicitShapeWithFlatData_EqualsNestedForm()
    {
        var model = TestModelFactory.Mlp(3, 5, 2);
        _app.AddModel("mlp", 1, model);
        var client = _app.CreateClient();

        var nested = await (await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[1,2,3],[4,5,6]]}}""")).JsonAsync();
        var flat = await (await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":{"shape":[2,3],"data":[1,2,3,4,5,6]}}}""")).JsonAsync();

        Assert.Equal(DirectRun.Mlp(model, [1, 2, 3, 4, 5, 6], 3), nested.OutputFloats("y"));
        Assert.Equal(nested.OutputFloats("y"), flat.OutputFloats("y"));
    }

    [Fact]
    public async Task Predict_AllElementTypes_RoundTripThroughIdentity()
    {
        _app.AddModel("types", 1, TestModelFactory.AllTypes());
        var body = JsonNode.Parse("""
            {"inputs": {
              "in_float": [[1.5, "NaN"], ["Infinity", -0.25]],
              "in_double": [[1e300, -2.5], [0, 3.141592653589793]],
              "in_int32": [[-2147483648, 2147483647], [0, 7]],
              "in_int64": [[-9223372036854775808, 9223372036854775807], [1, -1]],
              "in_uint8": [[0, 255], [1, 128]],
              "in_int8": [[-128, 127], [0, -1]],
              "in_bool": [[true, false], [false, true]],
              "in_string": [["héllo", ""], ["🙂 emoji", "quote \" and \\ backslash"]],
              "in_scalar": 2.5,
              "in_fixed": [1, 2, 3]
            }}
            """)!;

        var response = await _app.CreateClient().PredictAsync("/models/types/predict", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        foreach (var (input, value) in body["inputs"]!.AsObject())
        {
            var output = result.Output("out_" + input["in_".Length..]);
            var expectedData = Flatten(value!).Select(node => Canonical(JsonSerializer.SerializeToElement(node)));
            var actualData = output.GetProperty("data").EnumerateArray().Select(Canonical);
            Assert.Equal(expectedData, actualData);
        }

        Assert.Empty(result.Output("out_scalar").GetProperty("shape").EnumerateArray());
        Assert.Equal("string", result.Output("out_string").GetProperty("datatype").GetString());
        Assert.Equal("bool", result.Output("out_bool").GetProperty("datatype").GetString());
    }

    [Fact]
    public async Task Predict_WithoutVersion_RunsHighestVersionAndPinnedVersionRunsThatOne()
    {
        var version1 = TestModelFactory.Mlp(2, 4, 2, seed: 1);
        var version3 = TestModelFactory.Mlp(2, 4, 2, seed: 3);
        _app.AddModel("m", 1, version1);
        _app.AddModel("m", 3, version3);
        var client = _app.CreateClient();
        const string body = """{"inputs":{"x":[[0.5,-0.5]]}}""";

        var latest = await (await client.PredictRawAsync("/models/m/predict", body)).JsonAsync();
        var pinned = await (await client.PredictRawAsync("/models/m/versions/1/predict", body)).JsonAsync();

        Assert.Equal(3, latest.GetProperty("modelVersion").GetInt32());
        Assert.Equal(DirectRun.Mlp(version3, [0.5f, -0.5f], 2), latest.OutputFloats("y"));
        Assert.Equal(1, pinned.GetProperty("modelVersion").GetInt32());
        Assert.Equal(DirectRun.Mlp(version1, [0.5f, -0.5f], 2), pinned.OutputFloats("y"));
    }

    [Fact]
    public async Task Predict_ModelWithLabelsSidecar_ReturnsTopLabelsAndThresholdFlag()
    {
        var model = TestModelFactory.Mlp(2, 4, 3, seed: 9);
        _app.AddModel("classifier", 1, model, """{"labels":["cat","dog","eel"],"threshold":0.9,"topK":2}""");
        var scores = DirectRun.Mlp(model, [1, 1], 2);
        var best = Array.IndexOf(scores, scores.Max());

        var result = await (await _app.CreateClient().PredictRawAsync("/models/classifier/predict", """{"inputs":{"x":[[1,1]]}}""")).JsonAsync();

        var prediction = Assert.Single(result.GetProperty("predictions").EnumerateArray());
        Assert.Equal(new[] { "cat", "dog", "eel" }[best], prediction.GetProperty("label").GetString());
        Assert.Equal(scores.Max(), prediction.GetProperty("score").GetSingle());
        Assert.Equal(scores.Max() < 0.9f, prediction.GetProperty("belowThreshold").GetBoolean());
        var top = prediction.GetProperty("top").EnumerateArray().Select(entry => entry.GetProperty("score").GetSingle()).ToArray();
        Assert.Equal(scores.OrderDescending().Take(2), top);
    }

    [Fact]
    public async Task Predict_OutputsFilter_ReturnsOnlyTheNamedOutputs()
    {
        _app.AddModel("types", 1, TestModelFactory.AllTypes());

        var response = await _app.CreateClient().PredictAsync("/models/types/predict", AllTypesRequest.Build(outputs: ["out_int64", "out_string"]));

        var names = (await response.JsonAsync()).GetProperty("outputs").EnumerateArray().Select(output => output.GetProperty("name").GetString());
        Assert.Equal(["out_int64", "out_string"], names);
    }

    [Fact]
    public async Task DescribeModel_ReturnsSignatureAndVersions()
    {
        _app.AddModel("types", 1, TestModelFactory.AllTypes());
        _app.AddModel("types", 2, TestModelFactory.AllTypes());

        var description = await (await _app.CreateClient().GetAsync("/models/types")).JsonAsync();

        Assert.Equal([1, 2], description.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        var scalar = description.GetProperty("inputs").EnumerateArray().Single(input => input.GetProperty("name").GetString() == "in_scalar");
        Assert.Empty(scalar.GetProperty("shape").EnumerateArray());
        var batch = description.GetProperty("inputs").EnumerateArray().Single(input => input.GetProperty("name").GetString() == "in_int64");
        Assert.Equal([-1, 2], batch.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal("batch", batch.GetProperty("dimensionNames")[0].GetString());
    }

    // Integers compare exactly; other numbers by value, since 1e300 and 1E+300 are the same double.
    private static string Canonical(JsonElement element) => element.ValueKind != JsonValueKind.Number ? element.GetRawText()
        : element.TryGetInt64(out var integer) ? integer.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<JsonNode?> Flatten(JsonNode node) =>
        node is JsonArray array ? array.SelectMany(child => Flatten(child!)) : [node];
}
