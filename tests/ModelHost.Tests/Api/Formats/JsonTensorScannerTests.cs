using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Tests.Api.Formats;

/// <summary>
/// The first phase of a JSON tensor, on its own: the shape it finds and where the elements lie, before any model is
/// known. What these mean for a request (the 400 and its problem) is in BadInputTests and BodyBeforeModelTests.
/// </summary>
public sealed class JsonTensorScannerTests
{
    [Fact]
    public void Scan_NestedArray_ShapeFromItsArraysAndEveryElementCounted()
    {
        var (input, _) = Scan("[[1, 2, 3], [4, 5, 6]]");

        Assert.Equal([2, 3], input.Shape);
        Assert.Equal(6, input.Elements);
        Assert.Null(input.NotRectangular);
    }

    [Fact]
    public void Scan_BareValue_AScalarOfOneElement()
    {
        var (input, _) = Scan("4.5");

        Assert.Empty(input.Shape);
        Assert.Equal(1, input.Elements);
    }

    [Theory]
    [InlineData("""{"shape": [1, 2], "data": [1, 2]}""", new long[] { 1, 2 }, 2)]
    [InlineData("""{"data": [[1, 2], [3, 4]], "shape": [2, 2]}""", new long[] { 2, 2 }, 4)]
    public void Scan_ShapeAndData_TheGivenShapeAndTheDataFlattened(string json, long[] shape, long elements)
    {
        var (input, _) = Scan(json);

        Assert.Equal(shape, input.Shape);
        Assert.Equal(elements, input.Elements);
    }

    [Fact]
    public void Scan_Elements_EachRecordedWhereItStartsAndANonNumberForTheFullReader()
    {
        var (input, offsets) = Scan("""[1, 22, "a"]""");

        Assert.Equal([1, 4, ~8], offsets[input.FirstElement..]);
    }

    [Theory]
    [InlineData("[[1, 2], [3]]", new long[] { 2, 2 }, "not rectangular at x[1]: expected an array of 2 elements like the first one, got an array of 1")]
    [InlineData("[[1, 2], 3]", new long[] { 2, 2 }, "not rectangular at x[1]: expected an array of 2 elements like the first one, got 3")]
    [InlineData("[[], [3]]", new long[] { 2, 0 }, "not rectangular at x[1]: expected an array of 0 elements")]
    public void Scan_ArraysOfOtherLengths_ShapeOfTheFirstAndWhereItDiffersKeptForLater(string json, long[] shape, string notRectangular)
    {
        var (input, _) = Scan(json);

        Assert.Equal(shape, input.Shape);
        Assert.Contains(notRectangular, input.NotRectangular, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data": [1, 2]}""", "Input 'x' is an object without \"shape\" and \"data\"")]
    [InlineData("""{"shape": [1, 2]}""", "Input 'x' is an object without \"shape\" and \"data\"")]
    [InlineData("""{"shape": [1, 2], "data": 3}""", "Input 'x' has \"data\" that is not an array")]
    [InlineData("""{"shape": [1, -2], "data": []}""", "Input 'x' has shape entry 1 = -2; expected a non-negative integer")]
    public void Scan_ObjectThatIsNotShapeAndData_RefusedNamingTheInput(string json, string message)
    {
        var failure = Assert.Throws<InvalidInputException>(() => Scan(json));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The input named "x" with the given value, and the element offsets it recorded.</summary>
    private static (JsonInput Input, int[] Offsets) Scan(string value)
    {
        var json = Encoding.UTF8.GetBytes(value);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        using var offsets = new ElementOffsets();
        var input = JsonTensorScanner.Scan(ref reader, json, "x", offsets);
        return (input, offsets.Slice(0, offsets.Count).ToArray());
    }
}
