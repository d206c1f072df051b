using MultiModel.TestModels;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>Small real ONNX models (a few KB) so each test uploads in milliseconds.</summary>
internal static class SmallModels
{
    public static readonly byte[] Small = TestModelFactory.Mlp(4, 8, 3);

    public static readonly byte[] Other = TestModelFactory.Mlp(4, 8, 3, seed: 2);

    public const string Labels = """{"labels":["setosa","versicolor","virginica"]}""";
}
