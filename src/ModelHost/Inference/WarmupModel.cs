using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Loads a trivial model at start-up and runs it once. ONNX Runtime initialises a good deal on its first session
/// (several MB resident), and loading, checking and running a model each have first-use costs; paid here, on the
/// start-up thread that overlaps the host starting (<see cref="OnnxRuntimeStartup"/>), they are neither charged to the
/// first real model's memory measurement nor added to the first request, which on Lambda is the cold start users wait
/// for. The API passes a run of its own that pushes a request through its formats as well, so the whole path is warm.
/// </summary>
internal static class WarmupModel
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

    /// <param name="run">Runs the model once; by default on a tensor made directly, with no wire format involved.</param>
    public static void Run(SessionOptions options, Action<OnnxModel>? run = null)
    {
        using var model = OnnxModel.Load(new ModelRef("warmup", 1), IdentityModel, options, sidecar: null);
        (run ?? RunOnce)(model);
    }

    private static void RunOnce(OnnxModel model)
    {
        using var inputs = new ModelInputs(model.Signature);
        inputs.Add(inputs.Expect("x").Name, OrtValue.CreateTensorValueFromMemory(new[] { 0.5f }, [1]));
        using var prediction = Predictor.Run(model, inputs, requestedOutputs: null);
    }
}
