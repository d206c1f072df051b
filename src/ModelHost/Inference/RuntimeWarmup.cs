using System.Buffers;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Api.Formats;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Pushes one trivial request through the prediction path at start-up: JSON to tensor, a session run, tensor to JSON.
/// ONNX Runtime initialises a good deal on its first session (several MB resident), and each step has first-use
/// costs; paid here, on the start-up thread that overlaps the host starting, they are neither charged to the first
/// real model's memory measurement nor added to the first request, which on Lambda is the cold start users wait for.
/// </summary>
internal static class RuntimeWarmup
{
    // y = Identity(x) over float[1], ir_version 7, opset 13: 68 bytes of protobuf encoded by hand so that the app
    // ships no model file of its own.
    private static readonly byte[] IdentityModel =
    [
        0x08, 0x07, 0x3A, 0x3C, 0x0A, 0x10, 0x0A, 0x01, 0x78, 0x12, 0x01, 0x79, 0x22, 0x08, 0x49, 0x64, 0x65, 0x6E,
        0x74, 0x69, 0x74, 0x79, 0x12, 0x06, 0x77, 0x61, 0x72, 0x6D, 0x75, 0x70, 0x5A, 0x0F, 0x0A, 0x01, 0x78, 0x12,
        0x0A, 0x0A, 0x08, 0x08, 0x01, 0x12, 0x04, 0x0A, 0x02, 0x08, 0x01, 0x62, 0x0F, 0x0A, 0x01, 0x79, 0x12, 0x0A,
        0x0A, 0x08, 0x08, 0x01, 0x12, 0x04, 0x0A, 0x02, 0x08, 0x01, 0x42, 0x02, 0x10, 0x0D,
    ];

    public static void Run(SessionOptions options)
    {
        using var session = new InferenceSession(IdentityModel, options);
        var signature = new TensorSignature("x", TensorElementType.Float, [1], [""]);
        using var request = JsonDocument.Parse("""{"inputs": {"x": [0.5]}}""");
        using var input = JsonTensorReader.Read(request.RootElement.GetProperty("inputs").GetProperty("x"), signature, new DimensionBindings());
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [input], ["y"]);
        using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
        JsonTensorWriter.Write(writer, "y", outputs[0], TensorDataType.NameOf);
    }
}
