using Microsoft.ML.OnnxRuntime;

namespace MultiModel.TestModels;

/// <summary>The reference for tests: ONNX Runtime run directly on the model bytes, no host in between.</summary>
public static class DirectRun
{
    public static float[] Mlp(byte[] model, float[] input, int inputs)
    {
        using var session = new InferenceSession(model);
        return Run(session, input, inputs);
    }

    /// <summary>From the model's file, so that weights in an external data file beside it are found.</summary>
    public static float[] MlpFile(string modelPath, float[] input, int inputs)
    {
        using var session = new InferenceSession(modelPath);
        return Run(session, input, inputs);
    }

    private static float[] Run(InferenceSession session, float[] input, int inputs)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, [input.Length / inputs, inputs]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [value], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public static float[] Inputs(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * columns).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    public static float[][] Rows(float[] flat, int columns) => flat.Chunk(columns).ToArray();
}
