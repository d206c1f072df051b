using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Inference;

public sealed class OnnxModelTests
{
    [Fact]
    public void Load_FileAndBytesOfOneModel_ReadTheSameSignature()
    {
        var bytes = TestModelFactory.Mlp(2, 4, 3);
        var root = Directory.CreateTempSubdirectory("modelhost-onnx-model-").FullName;
        try
        {
            var path = TestModelFactory.WriteToStore(root, "m", 1, bytes);

            using var fromFile = OnnxModel.Load(new ModelRef("m", 1), path, new SessionOptions(), sidecar: null);
            using var fromBytes = OnnxModel.Load(new ModelRef("m", 1), bytes, new SessionOptions(), sidecar: null);

            Assert.Equal(fromFile.Signature.Inputs, fromBytes.Signature.Inputs, SameTensor);
            Assert.Equal(fromFile.Signature.Outputs, fromBytes.Signature.Outputs, SameTensor);
            Assert.Null(fromFile.Labels);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_BytesThatAreNoModel_ThrowsLoadFailedNamingTheModel()
    {
        var error = Assert.Throws<ModelLoadFailedException>(() => OnnxModel.Load(new ModelRef("broken", 3), "not onnx"u8.ToArray(), new SessionOptions(), sidecar: null));

        Assert.StartsWith("ONNX Runtime could not load broken/3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SidecarWhoseLabelsDoNotFitTheScores_ThrowsLoadFailed()
    {
        var sidecar = new ModelSidecar(["a", "b"], ScoresOutput: "y");

        var error = Assert.Throws<ModelLoadFailedException>(() => OnnxModel.Load(new ModelRef("m", 1), TestModelFactory.Mlp(2, 4, 3), new SessionOptions(), sidecar));

        Assert.Contains("has 2 labels but output 'y' is float32 [batch, 3]", error.Message, StringComparison.Ordinal);
    }

    private static bool SameTensor(TensorSignature a, TensorSignature b) =>
        a.Name == b.Name && a.ElementType == b.ElementType && a.Shape.SequenceEqual(b.Shape) && a.DimensionNames.SequenceEqual(b.DimensionNames);
}
