using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api.Formats;

/// <summary>
/// Both phases over a tensor large enough to be parsed in parts on several cores: every element where a single pass
/// would put it, and of several bad elements the first one reported, whichever part it falls in.
/// </summary>
public sealed class LargeJsonTensorTests
{
    private const int Elements = 40_000;

    private static readonly ModelSignature Signature = ReadSignature();

    [Fact]
    public void Read_LargeTensor_EveryElementExactlyAsParsedOneByOne()
    {
        var values = Enumerable.Range(0, Elements).Select(i => (MathF.Sin(i) * 1000).ToString("R", CultureInfo.InvariantCulture)).ToArray();

        using var request = PredictionFormats.Native.Read(Body(values), Signature);

        var tensor = request.Inputs.Values.Single().GetTensorDataAsSpan<float>().ToArray();
        Assert.Equal(values.Select(value => float.Parse(value, CultureInfo.InvariantCulture)), tensor);
    }

    [Theory]
    [InlineData(new[] { 35_000 }, "x[0][35000]")]
    [InlineData(new[] { 39_999, 30_000, 12 }, "x[0][12]")]
    public void Read_LargeTensorWithElementsOutOfRange_TheFirstOneNamed(int[] outOfRange, string named)
    {
        var values = Enumerable.Repeat("0.5", Elements).ToArray();
        foreach (var index in outOfRange)
        {
            values[index] = "1e39";
        }

        var failure = Assert.Throws<InvalidInputException>(() => PredictionFormats.Native.Read(Body(values), Signature).Dispose());

        Assert.Equal($"Element {named} is 1e39, outside the float32 range (±3.4028235E+38).", failure.Message);
    }

    private static byte[] Body(string[] values) =>
        Encoding.UTF8.GetBytes($$"""{"inputs": {"x": {"shape": [1, {{Elements}}], "data": [{{string.Join(", ", values)}}""" + "]}}}");

    private static ModelSignature ReadSignature()
    {
        using var session = new InferenceSession(TestModelFactory.Mlp(Elements, 2, 2));
        return ModelSignature.Read(session);
    }
}
