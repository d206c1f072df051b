namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Creates and runs one trivial session at start-up. ONNX Runtime initialises a good deal on its first session
/// (several MB resident, plus JIT of the managed paths): paid here, in start-up (Lambda's init phase), it is neither
/// charged to the first real model's memory measurement nor added to its cold-load latency.
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
        using var input = OrtValue.CreateTensorValueFromMemory([1f], [1L]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [input], ["y"]);
    }
}
