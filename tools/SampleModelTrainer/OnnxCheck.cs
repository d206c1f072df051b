using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.SampleModelTrainer;

/// <summary>
/// Loads each exported model in ONNX Runtime, prints its signature and runs the documented example request, so the
/// docs are written from what the runtime actually reports.
/// </summary>
internal static class OnnxCheck
{
    public static void Describe(SampleModel model, string path)
    {
        using var session = new InferenceSession(path);
        Console.WriteLine($"== {model.Id} v{model.Version}: {path} ({new FileInfo(path).Length} bytes, trainer {model.Trainer})");
        foreach (var (name, meta) in session.InputMetadata)
        {
            Console.WriteLine($"   input  {name}: {Describe(meta)}");
        }

        foreach (var (name, meta) in session.OutputMetadata)
        {
            Console.WriteLine($"   output {name}: {Describe(meta)}");
        }

        var rows = model.ExampleInput;
        var features = new DenseTensor<float>(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);
        Console.WriteLine($"   request: {{\"inputs\": {{\"{model.InputName}\": {JsonSerializer.Serialize(rows)}}}}}");
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(model.InputName, features)]);
        foreach (var result in results)
        {
            Console.WriteLine($"   -> {result.Name} = {Format(result.Value)}");
        }

        var scores = results.Single(r => r.Name == ScoresOutput).AsTensor<float>().ToArray();
        var expected = model.ExpectedScores.SelectMany(r => r).ToArray();
        // Relative to the value: a house price near 500 differs from ML.NET's in the 5th decimal through float rounding alone.
        var maxDifference = scores.Zip(expected, (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(b))).Max();
        Console.WriteLine($"   ONNX Runtime vs ML.NET on these rows: max relative difference {maxDifference:G3}");
        if (scores.Length != expected.Length || maxDifference > 1e-5)
        {
            throw new InvalidOperationException($"{model.Id} v{model.Version}: the exported ONNX model does not score like the ML.NET model.");
        }
    }

    // ML.NET names an exported column "<column>.output".
    private const string ScoresOutput = "Score.output";

    private static string Describe(NodeMetadata meta)
    {
        var dims = meta.Dimensions.Select((d, i) =>
            d >= 0 ? d.ToString(CultureInfo.InvariantCulture)
            : string.IsNullOrEmpty(meta.SymbolicDimensions[i]) ? "-1" : $"{meta.SymbolicDimensions[i]}(-1)");
        return $"{meta.OnnxValueType} {meta.ElementDataType} [{string.Join(", ", dims)}]";
    }

    private static string Format(object value) => value switch
    {
        Tensor<float> t => $"[{string.Join(", ", t.Dimensions.ToArray())}] {JsonSerializer.Serialize(Rows(t))}",
        Tensor<long> t => $"[{string.Join(", ", t.Dimensions.ToArray())}] {JsonSerializer.Serialize(Rows(t))}",
        Tensor<string> t => $"[{string.Join(", ", t.Dimensions.ToArray())}] {JsonSerializer.Serialize(Rows(t))}",
        _ => value.GetType().Name,
    };

    private static T[][] Rows<T>(Tensor<T> tensor)
    {
        var flat = tensor.ToArray();
        var width = tensor.Dimensions.Length > 1 ? tensor.Dimensions[^1] : 1;
        return flat.Chunk(width).ToArray();
    }
}
