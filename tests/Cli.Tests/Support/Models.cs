using MultiModel.TestModels;

namespace MultiModel.Cli.Tests.Support;

/// <summary>
/// The models the tests roll out, built once: a small classifier as the live version, and candidates that keep or
/// break what its callers rely on.
/// </summary>
public static class Models
{
    /// <summary>Input "x" float32 [batch, 8], output "y" float32 [batch, 3] (softmax): a classifier's scores.</summary>
    public static readonly byte[] Live = TestModelFactory.Mlp(8, 16, 3);

    /// <summary>The same network written again: what a retrain that changed nothing produces.</summary>
    public static readonly byte[] Equivalent = TestModelFactory.Mlp(8, 16, 3);

    /// <summary>Same shapes, other weights: its best class agrees with <see cref="Live"/>'s on about a third of rows.</summary>
    public static readonly byte[] OtherWeights = TestModelFactory.Mlp(8, 16, 3, seed: 7);

    public static readonly byte[] RenamedInput = ModelVariants.RenameInput(Live, "x", "features");

    public static readonly byte[] DoubleInput = ModelVariants.InputAsDouble(Live, "x");

    /// <summary>Live also returning "y" as "scores": the version whose callers read an output that <see cref="Live"/> lacks.</summary>
    public static readonly byte[] WithScores = ModelVariants.WithOutputCopy(Live, "y", "scores");

    /// <summary>About 3,000 times the live model's work per row: far over any latency ratio.</summary>
    public static readonly byte[] Slower = TestModelFactory.Mlp(8, 1024, 3, hiddenLayers: 4);

    public const string Labels = """{"labels":["cat","dog","bird"]}""";

    public const string FourLabels = """{"labels":["cat","dog","bird","fish"]}""";

    /// <summary>The model's first half: what an interrupted copy leaves.</summary>
    public static byte[] Corrupt => Live[..(Live.Length / 2)];
}
