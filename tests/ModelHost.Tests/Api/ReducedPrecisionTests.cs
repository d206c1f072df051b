using System.Net;
using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.ModelHost.Tests.Support.Clients;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>float16 and bfloat16 tensors: JSON numbers rounded to nearest, raw 2-byte elements in the binary extension.</summary>
public sealed class ReducedPrecisionTests : IDisposable
{
    private static readonly byte[] Model = TestModelFactory.ReducedPrecision();
    private readonly ModelHostApp _app = new();

    public ReducedPrecisionTests() => _app.AddModel("half", 1, Model);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Predict_JsonNumbers_RoundToTheNearestFloat16AndBFloat16AsOnnxRuntimeSeesThem()
    {
        double[] values = [0.1, 65504, -2.5, 1e-7, 3.14159, -0.0];
        var request = new JsonObject
        {
            ["inputs"] = new JsonObject
            {
                ["in_fp16"] = JsonNode.Parse($"[[{values[0]}, {values[1]}, {values[2]}], [{values[3]}, {values[4]}, -0.0]]"),
                ["in_bf16"] = JsonNode.Parse($"[[{values[0]}, 3e38, {values[2]}], [{values[3]}, {values[4]}, -0.0]]"),
            },
        };

        var response = await _app.CreateClient().PredictAsync("/models/half/predict", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(values.Select(v => (float)(Half)v), body.OutputFloats("out_fp16"));
        Assert.Equal(body.OutputFloats("fp16_as_float"), body.OutputFloats("out_fp16")); // ONNX Runtime's own reading of the bits
        Assert.Equal(body.OutputFloats("bf16_as_float"), body.OutputFloats("out_bf16"));
        uint[] nearestBFloat16 = [0x3DCD_0000, 0x7F62_0000, 0xC020_0000]; // 0.1 and 3e38 round up, -2.5 is exact
        Assert.Equal(nearestBFloat16.Select(BitConverter.UInt32BitsToSingle), body.OutputFloats("out_bf16")[..3]);
        Assert.Equal("float16", body.Output("out_fp16").GetProperty("datatype").GetString());
    }

    [Theory]
    [InlineData("in_fp16", "[[1, 70000, 2]]", "Element in_fp16[0][1] is 70000, outside the float16 range (±65504).")]
    [InlineData("in_fp16", "[[1e300, 1, 2]]", "Element in_fp16[0][0] is 1e300, outside the float16 range (±65504).")]
    [InlineData("in_bf16", "[[1, 2, -1e39]]", "Element in_bf16[0][2] is -1e39, outside the bfloat16 range (±3.3895314E+38).")]
    public async Task Predict_NumberBeyondItsReducedPrecisionType_SaysItIsOutOfRange(string input, string json, string detail)
    {
        var request = new JsonObject
        {
            ["inputs"] = new JsonObject { ["in_fp16"] = JsonNode.Parse("[[1, 2, 3]]"), ["in_bf16"] = JsonNode.Parse("[[1, 2, 3]]") },
        };
        request["inputs"]![input] = JsonNode.Parse(json);

        var response = await _app.CreateClient().PredictAsync("/models/half/predict", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Infer_BinaryFloat16AndBFloat16_TwoBytesAnElementAndEqualToDirectRun()
    {
        ClientInput[] inputs =
        [
            new("in_fp16", "FP16", [2, 3], new[] { 0.5, -1, 1000, 0.001, 6e-5, 2 }.Select(v => new Float16(BitConverter.HalfToUInt16Bits((Half)v))).ToArray()),
            new("in_bf16", "BF16", [2, 3], new ushort[] { 0x3F80, 0xC000, 0x7F7F, 0x0001, 0x3DCD, 0x8000 }.Select(bits => new BFloat16(bits)).ToArray()),
        ];
        (string, bool)[] outputs = [("out_fp16", true), ("out_bf16", false), ("fp16_as_float", false), ("bf16_as_float", true)];

        var response = await _app.CreateClient().SendAsync(ClientRequest.Triton("/v2/models/half/infer", inputs, outputs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ClientResult.ReadAsync(response);
        Assert.Equal(12, result.Outputs["out_fp16"].Length);
        var expected = OnnxReference.Run(Model, inputs);
        foreach (var (name, _) in outputs)
        {
            Assert.True(expected[name].SequenceEqual(result.Outputs[name]), $"Output {name} differs from the direct run.");
        }
    }
}
