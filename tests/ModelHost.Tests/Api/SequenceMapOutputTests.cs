using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.ModelHost.Tests.Support.Clients;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>
/// A ZipMap output (<c>seq(map(int64 or string, float))</c>, as skl2onnx exports classifiers) as a list of
/// label-to-score objects in both formats, its scores ranked by labels.json, and described as what it is.
/// </summary>
public sealed class SequenceMapOutputTests : IDisposable
{
    private static readonly string[] ClassNames = ["zebra", "ant", "moth"]; // not in sorted order, as map keys end up
    private static readonly byte[] IntKeys = TestModelFactory.ZipMapClassifier();
    private static readonly byte[] StringKeys = TestModelFactory.ZipMapClassifier(ClassNames);
    private static readonly float[] X = [2f, 0.5f, -1f, -3f, 0f, 4f];
    private readonly ModelHostApp _app = new();

    public SequenceMapOutputTests()
    {
        _app.AddModel("int-keys", 1, IntKeys);
        _app.AddModel("string-keys", 1, StringKeys);
        _app.AddModel("labelled", 1, IntKeys, """{"labels": ["cat", "dog", "bird"], "topK": 2}""");
        _app.AddModel("named", 1, StringKeys, """{"labels": ["unused"], "scoresOutput": "probabilities", "topK": 3}""");
    }

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> Models => ["int-keys", "string-keys"];

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Predict_ZipMapOutput_OneLabelToScoreObjectPerRowEqualToDirectRun(string model)
    {
        var response = await _app.CreateClient().PredictAsync($"/models/{model}/predict", new JsonObject { ["inputs"] = new JsonObject { ["x"] = Rows() } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = (await response.JsonAsync()).Output("probabilities");
        Assert.Equal(model == "int-keys" ? "seq(map(int64, float32))" : "seq(map(string, float32))", output.GetProperty("datatype").GetString());
        Assert.Equal("[2]", output.GetProperty("shape").GetRawText());
        AssertMapsEqualDirectRun(model, output.GetProperty("data"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Infer_ZipMapOutputAsJson_BytesOfObjectsEqualToDirectRun(string model)
    {
        var response = await _app.CreateClient().PostWithoutContentTypeAsync($"/v2/models/{model}/infer",
            """{"inputs": [{"name": "x", "shape": [2, 3], "datatype": "FP32", "data": [2, 0.5, -1, -3, 0, 4]}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var output = body.Output("probabilities");
        Assert.Equal("BYTES", output.GetProperty("datatype").GetString());
        Assert.Equal(model == "int-keys" ? "seq(map(int64, float32))" : "seq(map(string, float32))",
            output.GetProperty("parameters").GetProperty("onnx_type").GetString());
        AssertMapsEqualDirectRun(model, output.GetProperty("data"));
        Assert.Equal(ZipMapRun.Run(Model(model), X).Labels, body.Output("label").GetProperty("data").EnumerateArray().Select(x => x.GetInt64()));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Infer_EveryOutputAskedBinary_ZipMapComesInTheJsonAndTheTensorAsBytes(string model)
    {
        // The Triton client's defaults: binary inputs, and every output binary (binary_data_output) when none is named.
        var request = ClientRequest.Triton($"/v2/models/{model}/infer", [new ClientInput("x", "FP32", [2, 3], X)], outputs: null);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ClientResult.ReadAsync(response);
        Assert.Equal(["label"], result.BinaryOutputs);
        Assert.Equal(TensorBytes.Of(ZipMapRun.Run(Model(model), X).Labels), result.Outputs["label"]);
        AssertMapsEqualDirectRun(model, result.Json.Output("probabilities").GetProperty("data"));
    }

    [Fact]
    public async Task Infer_OnlyTheZipMapAskedBinary_AnsweredAsPlainJson()
    {
        var request = ClientRequest.Triton("/v2/models/int-keys/infer", [new ClientInput("x", "FP32", [2, 3], X)], [("probabilities", true)]);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(ClientRequest.HeaderLength));
        var body = await response.JsonAsync();
        Assert.Equal(["probabilities"], body.GetProperty("outputs").EnumerateArray().Select(output => output.GetProperty("name").GetString()));
        AssertMapsEqualDirectRun("int-keys", body.Output("probabilities").GetProperty("data"));
    }

    [Theory]
    [InlineData("labelled", new[] { "cat", "dog" }, new[] { "bird", "dog" })] // int64 keys index the sidecar's labels
    [InlineData("named", new[] { "zebra", "ant", "moth" }, new[] { "moth", "ant", "zebra" })] // string keys are the labels
    public async Task Predict_ZipMapWithLabelsJson_TopLabelsRankedFromItsScores(string model, string[] firstRow, string[] secondRow)
    {
        var response = await _app.CreateClient().PredictAsync($"/models/{model}/predict", new JsonObject { ["inputs"] = new JsonObject { ["x"] = Rows() } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await response.JsonAsync()).GetProperty("predictions").EnumerateArray().ToArray();
        var direct = ZipMapRun.Run(Model(model), X).Maps;
        string[][] expected = [firstRow, secondRow];
        for (var row = 0; row < 2; row++)
        {
            var top = predictions[row].GetProperty("top").EnumerateArray().ToArray();
            Assert.Equal(expected[row], top.Select(label => label.GetProperty("label").GetString()));
            var scores = direct[row].Values.OrderByDescending(score => score).Take(top.Length);
            Assert.Equal(scores, top.Select(label => label.GetProperty("score").GetSingle()));
        }
    }

    [Fact]
    public async Task Describe_ZipMapModel_ListsTheSequenceOutputForWhatItIs()
    {
        var client = _app.CreateClient();
        var native = await (await client.GetAsync("/models/labelled")).JsonAsync();
        var protocol = await (await client.GetAsync("/v2/models/labelled")).JsonAsync();

        var outputs = native.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(["label", "probabilities"], outputs.Select(output => output.GetProperty("name").GetString()));
        Assert.Equal("seq(map(int64, float32))", outputs[1].GetProperty("datatype").GetString());
        Assert.Equal("[-1]", outputs[1].GetProperty("shape").GetRawText());
        Assert.Equal(0, native.GetProperty("skippedOutputs").GetArrayLength());
        Assert.Equal("probabilities", native.GetProperty("scoresOutput").GetString());
        var probabilities = protocol.GetProperty("outputs").EnumerateArray().Single(output => output.GetProperty("name").GetString() == "probabilities");
        Assert.Equal("BYTES", probabilities.GetProperty("datatype").GetString());
        Assert.Equal("[-1]", probabilities.GetProperty("shape").GetRawText());
    }

    [Fact]
    public async Task Predict_UnknownOutputName_400ListsTheSequenceOutputToo()
    {
        var response = await _app.CreateClient().PredictAsync("/models/int-keys/predict",
            new JsonObject { ["inputs"] = new JsonObject { ["x"] = Rows() }, ["outputs"] = new JsonArray("scores") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'probabilities' (seq(map(int64, float32)))", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static byte[] Model(string id) => id is "string-keys" or "named" ? StringKeys : IntKeys;

    private static JsonNode Rows() => new JsonArray(new JsonArray(2f, 0.5f, -1f), new JsonArray(-3f, 0f, 4f));

    private static void AssertMapsEqualDirectRun(string model, JsonElement data)
    {
        var expected = ZipMapRun.Run(Model(model), X).Maps;
        var actual = data.EnumerateArray()
            .Select(row => row.EnumerateObject().ToDictionary(entry => entry.Name, entry => entry.Value.GetSingle()))
            .ToArray();
        Assert.Equal(expected, actual);
    }
}
