using System.Text;
using System.Text.Json;
using MultiModel.TestModels;

namespace MultiModel.ModelHostProcess;

/// <summary>
/// The hard case for a byte-bounded cache: models of mixed sizes (one with its weights in an external data file) whose
/// files add up to several times the budget, asked for with small and larger batches, so nearly every request evicts.
/// </summary>
public static class MemoryWorkload
{
    public const int InputWidth = 256;
    private const int OutputWidth = 8;
    private static readonly double[] SizeShares = [0.08, 0.16, 0.24, 0.32, 0.40];

    /// <summary>The request variants: one row, and 32 rows (a larger body, output and working memory).</summary>
    public static IReadOnlyList<float[]> Inputs { get; } = [DirectRun.Inputs(1, InputWidth, seed: 1), DirectRun.Inputs(32, InputWidth, seed: 2)];

    /// <summary>The JSON bodies of <see cref="Inputs"/>, in the same order.</summary>
    public static IReadOnlyList<byte[]> Bodies { get; } = Inputs
        .Select(input => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { inputs = new { x = DirectRun.Rows(input, InputWidth) } })))
        .ToArray();

    /// <summary>
    /// Writes models to <paramref name="root"/> until their files add up to <paramref name="timesBudget"/> times
    /// <paramref name="budgetBytes"/>, each between 8% and 40% of the budget; the third keeps its weights in an external
    /// data file. Expected outputs come from ONNX Runtime run directly on each model's files.
    /// </summary>
    public static IReadOnlyList<WorkloadModel> Write(string root, long budgetBytes, double timesBudget)
    {
        var models = new List<WorkloadModel>();
        long total = 0;
        for (var index = 0; total < timesBudget * budgetBytes; index++)
        {
            var hidden = (int)(SizeShares[index % SizeShares.Length] * budgetBytes / (sizeof(float) * (InputWidth + OutputWidth)));
            var id = $"m{index:00}";
            var external = index == 2;
            var path = external
                ? TestModelFactory.WriteToStore(root, id, 1, TestModelFactory.MlpWithExternalData(InputWidth, hidden, OutputWidth, seed: index))
                : TestModelFactory.WriteToStore(root, id, 1, TestModelFactory.Mlp(InputWidth, hidden, OutputWidth, seed: index));
            var fileBytes = Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Sum(file => new FileInfo(file).Length);
            models.Add(new WorkloadModel(id, fileBytes, external, Inputs.Select(input => DirectRun.MlpFile(path, input, InputWidth)).ToArray()));
            total += fileBytes;
        }

        return models;
    }
}
