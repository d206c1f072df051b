using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Inference;

/// <summary>Running a model takes no wire format: tensors in, checked against the signature, tensors out.</summary>
public sealed class PredictorTests : IDisposable
{
    private readonly OnnxModel _model = OnnxModel.Load(new ModelRef("mlp", 1), TestModelFactory.Mlp(2, 4, 3), new SessionOptions(), sidecar: null);

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Run_TensorMadeDirectly_ReturnsTheOutputInTheModelsShape()
    {
        using var inputs = new ModelInputs(_model.Signature);
        inputs.Add(inputs.Expect("x").Name, OrtValue.CreateTensorValueFromMemory(new[] { 0.5f, -0.5f, 1f, 2f }, [2, 2]));

        using var prediction = Predictor.Run(_model, inputs, requestedOutputs: null);

        Assert.Equal(["y"], prediction.OutputNames);
        Assert.Equal([2L, 3L], prediction.Output("y").GetTensorTypeAndShape().Shape);
    }

    [Fact]
    public void Run_InputNotGiven_ThrowsNamingItWithItsTypeAndShape()
    {
        using var inputs = new ModelInputs(_model.Signature);

        var error = Assert.Throws<InvalidInputException>(() => Predictor.Run(_model, inputs, requestedOutputs: null));

        Assert.Equal("Missing input 'x' (float32 [batch, 2]).", error.Message);
    }

    [Fact]
    public void Run_OutputTheModelDoesNotHave_ThrowsNamingItsOutputs()
    {
        using var inputs = new ModelInputs(_model.Signature);
        inputs.Add(inputs.Expect("x").Name, OrtValue.CreateTensorValueFromMemory(new[] { 0.5f, -0.5f }, [1, 2]));

        var error = Assert.Throws<InvalidInputException>(() => Predictor.Run(_model, inputs, ["z"]));

        Assert.Equal("The model has no output 'z'; its outputs are 'y' (float32 [batch, 3]).", error.Message);
    }

    [Theory]
    [InlineData("nope", "The model has no input 'nope'; its inputs are 'x' (float32 [batch, 2]).")]
    [InlineData("x", "Input 'x' is given more than once.")]
    public void Expect_UnknownOrRepeatedInput_Throws(string name, string message)
    {
        using var inputs = new ModelInputs(_model.Signature);
        inputs.Add(inputs.Expect("x").Name, OrtValue.CreateTensorValueFromMemory(new[] { 0.5f, -0.5f }, [1, 2]));

        Assert.Equal(message, Assert.Throws<InvalidInputException>(() => inputs.Expect(name)).Message);
    }
}
