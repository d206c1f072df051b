using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>The model the wire benchmark serves as "image": its file in the store, first input and first output.</summary>
internal sealed record WireModel(string File, string Input, long[] Shape, string Output, string Description)
{
    public int Elements => checked((int)Shape.Aggregate(1L, (product, dimension) => product * dimension));

    public static WireModel Generated(string root) => new(
        TestModelFactory.WriteToStore(root, "image", 1, TestModelFactory.Mlp(WireFormatBenchmark.Elements, 64, WireFormatBenchmark.Outputs)),
        "x", [1, WireFormatBenchmark.Elements], "y", $"MLP {WireFormatBenchmark.Elements}-64-{WireFormatBenchmark.Outputs}");

    /// <summary>A real model, its first input's free dimensions taken as 1 (one image).</summary>
    public static WireModel FromFile(string root, string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new ArgumentException($"--model {path}: no such file; the benchmark's build puts resnet18 at {Path.Combine(AppContext.BaseDirectory, "models", "resnet18.onnx")}.");
        }

        var file = Path.Combine(root, "image", "1", "model.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        System.IO.File.Copy(path, file);
        using var session = new InferenceSession(file);
        var (input, metadata) = session.InputMetadata.First();
        if (metadata.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float)
        {
            throw new ArgumentException($"--model {path}: its first input '{input}' is {metadata.ElementDataType}; the wire benchmark sends float32.");
        }

        var shape = metadata.Dimensions.Select(dimension => dimension < 1 ? 1L : dimension).ToArray();
        return new WireModel(file, input, shape, session.OutputMetadata.Keys.First(), Path.GetFileName(path));
    }
}
