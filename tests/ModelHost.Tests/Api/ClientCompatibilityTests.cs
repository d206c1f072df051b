using System.Net;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.ModelHost.Tests.Support.Clients;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>
/// What the Python clients send, byte for byte (<see cref="ClientRequest"/>), read as they read it
/// (<see cref="ClientResult"/>), each output compared with ONNX Runtime run directly on the same model and inputs.
/// </summary>
public sealed class ClientCompatibilityTests : IDisposable
{
    private static readonly byte[] Mlp = TestModelFactory.Mlp(4, 8, 3, seed: 5);
    private static readonly byte[] AllTypes = TestModelFactory.AllTypes();
    private readonly ModelHostApp _app = new();

    public ClientCompatibilityTests()
    {
        _app.AddModel("mlp", 1, Mlp);
        _app.AddModel("mlp", 2, TestModelFactory.Mlp(4, 8, 3, seed: 6));
        _app.AddModel("types", 1, AllTypes);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Triton_BinaryInputsAndNoOutputsNamed_EveryOutputBinaryAndEqualToDirectRun()
    {
        ClientInput[] inputs = [new("x", "FP32", [5, 4], DirectRun.Inputs(5, 4, seed: 3))];

        var response = await _app.CreateClient().SendAsync(ClientRequest.Triton("/v2/models/mlp/versions/1/infer", inputs, outputs: null, id: "t-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        var result = await ClientResult.ReadAsync(response);
        Assert.Equal("t-1", result.Json.GetProperty("id").GetString());
        Assert.Equal(["y"], result.BinaryOutputs);
        Assert.Equal(OnnxReference.Run(Mlp, inputs)["y"], result.Outputs["y"]);
    }

    [Fact]
    public async Task Triton_EveryTypeBinaryIn_OutputsAskedBinaryAndAsJson_EachEqualToDirectRun()
    {
        var inputs = AllTypesInputs(binary: true);
        (string, bool)[] outputs = [.. inputs.Select((input, index) => ("out_" + input.Name[3..], index % 2 == 0))];

        var response = await _app.CreateClient().SendAsync(ClientRequest.Triton("/v2/models/types/infer", inputs, outputs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ClientResult.ReadAsync(response);
        var expected = OnnxReference.Run(AllTypes, inputs);
        Assert.Equal(outputs.Where(o => o.Item2).Select(o => o.Item1).Order(), result.BinaryOutputs.Order());
        Assert.Equal(outputs.Length, result.Outputs.Count);
        foreach (var (name, _) in outputs)
        {
            Assert.True(expected[name].SequenceEqual(result.Outputs[name]), $"Output {name} differs from the direct run.");
        }
    }

    [Fact]
    public async Task Triton_JsonInputsAndOutputsAskedAsJson_IsPlainJsonWithoutTheHeader()
    {
        var inputs = AllTypesInputs(binary: false);
        (string, bool)[] outputs = [("out_string", false), ("out_double", false)];

        var response = await _app.CreateClient().SendAsync(ClientRequest.Triton("/v2/models/types/infer", inputs, outputs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains(ClientRequest.HeaderLength));
        var result = await ClientResult.ReadAsync(response);
        var expected = OnnxReference.Run(AllTypes, inputs);
        Assert.Equal(["out_string", "out_double"], result.Outputs.Keys);
        Assert.Equal(expected["out_string"], result.Outputs["out_string"]);
        Assert.Equal(expected["out_double"], result.Outputs["out_double"]);
    }

    [Fact]
    public async Task KServe_JsonWithoutContentType_EqualToDirectRun()
    {
        ClientInput[] inputs = [new("x", "FP32", [3, 4], DirectRun.Inputs(3, 4, seed: 9), Binary: false)];

        var response = await _app.CreateClient().SendAsync(ClientRequest.KServe("/v2/models/mlp/versions/1/infer", inputs, "k-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = await ClientResult.ReadAsync(response);
        Assert.Equal("k-1", result.Json.GetProperty("id").GetString());
        Assert.Empty(result.BinaryOutputs);
        Assert.Equal(OnnxReference.Run(Mlp, inputs)["y"], result.Outputs["y"]);
    }

    [Fact]
    public async Task Triton_LargeBinaryBodyStreamedWithoutContentLength_IsReadWhole()
    {
        ClientInput[] inputs = [new("x", "FP32", [5000, 4], DirectRun.Inputs(5000, 4, seed: 4))]; // 80 KB: past the first buffer
        var request = ClientRequest.Triton("/v2/models/mlp/versions/1/infer", inputs, [("y", true)]);
        var pipe = new System.IO.Pipelines.Pipe(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 0)); // holds the whole body: nothing reads it yet
        await pipe.Writer.WriteAsync(await request.Content!.ReadAsByteArrayAsync());
        await pipe.Writer.CompleteAsync();
        request.Content = new StreamContent(pipe.Reader.AsStream()); // not seekable, so sent without a Content-Length
        Assert.Null(request.Content.Headers.ContentLength);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OnnxReference.Run(Mlp, inputs)["y"], (await ClientResult.ReadAsync(response)).Outputs["y"]);
    }

    /// <summary>One input per element type of the all-types model, rows of 2 (3 for the fixed one), with values at their type's edges.</summary>
    internal static ClientInput[] AllTypesInputs(bool binary) =>
    [
        new("in_float", "FP32", [2, 2], new[] { 1.5f, -0f, float.MaxValue, float.Epsilon }, binary),
        new("in_double", "FP64", [2, 2], new[] { Math.PI, -1e300, 0.1, double.MinValue }, binary),
        new("in_int32", "INT32", [2, 2], new[] { int.MinValue, -1, 0, int.MaxValue }, binary),
        new("in_int64", "INT64", [2, 2], new[] { long.MinValue, -1L, 0L, long.MaxValue }, binary),
        new("in_uint8", "UINT8", [2, 2], new byte[] { 0, 1, 127, 255 }, binary),
        new("in_int8", "INT8", [2, 2], new sbyte[] { -128, -1, 0, 127 }, binary),
        new("in_bool", "BOOL", [2, 2], new[] { true, false, false, true }, binary),
        new("in_string", "BYTES", [2, 2], new[] { "", "a", "naïve ✓", new string('z', 300) }, binary),
        new("in_scalar", "FP32", [], new[] { 2.25f }, binary),
        new("in_fixed", "FP32", [3], new[] { 1f, 2f, 3f }, binary),
    ];
}
