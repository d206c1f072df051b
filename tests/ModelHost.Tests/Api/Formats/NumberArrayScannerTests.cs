using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats;

namespace MultiModel.ModelHost.Tests.Api.Formats;

/// <summary>
/// The first phase's fast path over a long array of plain numbers: it must record exactly what the token-by-token path
/// records, leave the body as it came, and leave everything it does not take (anything but plain numbers, and syntax
/// errors in or after the array) to Utf8JsonReader, whose message and position a caller then sees as before.
/// </summary>
public sealed class NumberArrayScannerTests
{
    // Every form JSON allows a number, long enough together that the array takes the fast path (256 bytes and more).
    private static readonly string[] Numbers = ["0", "-0", "1.5", "-2.25e-3", "3E+10", "123456789", "0.000001", "7e2", "-0.5E-7", "42"];

    [Theory]
    [InlineData(", ")]
    [InlineData(",")]
    [InlineData(" ,\n\t")]
    [InlineData("\r\n,  ")]
    public void Parse_LongArrayOfNumbers_EachRecordedWhereItStartsAndTheBodyLeftAsSent(string separator)
    {
        var (body, starts) = ExplicitInput(Enumerable.Repeat(Numbers, 8).SelectMany(numbers => numbers).ToList(), separator);

        using var parsed = PredictionFormats.Native.Parse(body);

        var input = Assert.Single(parsed.Request.Inputs);
        Assert.Equal(new long[] { 1, starts.Count }, input.Shape); // "shape" comes after "data": the reader went on past the array
        Assert.Equal(starts, parsed.Offsets.Slice(input.FirstElement, (int)input.Elements).ToArray());
        Assert.True(parsed.Json.Span.SequenceEqual(body), "the body must be left as it came");
    }

    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("+1")]
    [InlineData(".5")]
    [InlineData("1 2")]
    [InlineData("1,,2")]
    [InlineData("0x10")]
    [InlineData("1]")]
    public void Parse_LongArrayWithSomethingThatIsNotJson_TheReadersOwnErrorAndPosition(string bad)
    {
        var numbers = Enumerable.Repeat(Numbers, 4).SelectMany(n => n).ToList();
        numbers.Insert(30, bad);
        var (body, _) = ExplicitInput(numbers, ",\n");

        var failure = Assert.ThrowsAny<JsonException>(() => PredictionFormats.Native.Parse(body).Dispose());

        Assert.Equal(ExpectedError(body), failure.Message);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[1]")]
    public void Parse_LongArrayWithAnElementThatIsNotAPlainNumber_EveryElementStillRecorded(string element)
    {
        var numbers = Enumerable.Repeat(Numbers, 4).SelectMany(n => n).ToList();
        numbers.Insert(7, element);
        var (body, starts) = ExplicitInput(numbers, ", ");

        using var parsed = PredictionFormats.Native.Parse(body);

        var input = Assert.Single(parsed.Request.Inputs);
        var recorded = parsed.Offsets.Slice(input.FirstElement, (int)input.Elements).ToArray();
        // The token-by-token path: numbers and literals as their offset, anything else as its complement; a nested
        // array's one number is an element of the flattened data too.
        var expected = element == "[1]" ? [.. starts[..7], starts[7] + 1, .. starts[8..]] : starts.ToArray();
        if (element == "\"NaN\"")
        {
            expected[7] = ~expected[7];
        }

        Assert.Equal(expected, recorded);
    }

    [Theory]
    [InlineData(", ")]
    [InlineData(",\n  ")]
    public void Parse_SyntaxErrorAfterALongArray_ReportedWhereItIs(string separator)
    {
        var (valid, _) = ExplicitInput(Enumerable.Repeat(Numbers, 8).SelectMany(n => n).ToList(), separator);
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace("\"shape\": [1,", "\"shape\": [1,,", StringComparison.Ordinal));

        var failure = Assert.ThrowsAny<JsonException>(() => PredictionFormats.Native.Parse(body).Dispose());

        Assert.Equal(ExpectedError(body), failure.Message);
        Assert.Contains($"LineNumber: {body.Count(b => b == '\n')} ", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, null)]
    [InlineData(39, "Input 'x' is not rectangular at x[2]: expected an array of 40 elements like the first one, got an array of 39.")]
    public void Parse_NestedRowsOfNumbers_EachRowTakenWholeWithTheShapeAndMessagesAsBefore(int thirdRowLength, string? notRectangular)
    {
        var rows = Enumerable.Range(0, 4).Select(row => Enumerable.Repeat(Numbers, 4).SelectMany(n => n).Take(row == 2 ? thirdRowLength : 40).ToList()).ToList();
        var json = new StringBuilder("""{"inputs": {"x": [""");
        var starts = new List<int>();
        foreach (var row in rows)
        {
            AppendNumbers(json.Append(starts.Count == 0 ? "[" : ", ["), row, ", ", starts).Append(']');
        }

        var body = Encoding.UTF8.GetBytes(json.Append("]}}").ToString());

        using var parsed = PredictionFormats.Native.Parse(body);

        var input = Assert.Single(parsed.Request.Inputs);
        Assert.Equal(new long[] { 4, 40 }, input.Shape);
        Assert.Equal(starts, parsed.Offsets.Slice(input.FirstElement, (int)input.Elements).ToArray());
        Assert.Equal(notRectangular, input.NotRectangular);
    }

    [Theory]
    [InlineData(1)] // {"x": [...]}: a vector
    [InlineData(2)] // {"x": [[...]]}: one row, its rank learned from the row itself
    [InlineData(3)]
    public void Parse_OneLongRowOfNumbers_ShapeAndOffsetsAsTokenByToken(int rank)
    {
        var numbers = Enumerable.Repeat(Numbers, 8).SelectMany(n => n).ToList();
        var json = new StringBuilder("""{"inputs": {"x": """).Append('[', rank);
        var starts = new List<int>();
        var body = Encoding.UTF8.GetBytes(AppendNumbers(json, numbers, ", ", starts).Append(']', rank).Append("}}").ToString());

        using var parsed = PredictionFormats.Native.Parse(body);

        var input = Assert.Single(parsed.Request.Inputs);
        Assert.Equal([.. Enumerable.Repeat(1L, rank - 1), numbers.Count], input.Shape);
        Assert.Equal(starts, parsed.Offsets.Slice(input.FirstElement, (int)input.Elements).ToArray());
        Assert.Null(input.NotRectangular);
    }

    /// <summary><c>{"inputs": {"x": {"data": [...], "shape": [1, n]}}}</c>, and where each number starts in it.</summary>
    private static (byte[] Body, List<int> Starts) ExplicitInput(IReadOnlyList<string> elements, string separator)
    {
        var json = new StringBuilder("""{"inputs": {"x": {"data": [""");
        var starts = new List<int>();
        AppendNumbers(json, elements, separator, starts).Append("""], "shape": [1, """).Append(elements.Count).Append("]}}}");
        return (Encoding.UTF8.GetBytes(json.ToString()), starts);
    }

    /// <summary>The elements with the separator between them, each one's start added to <paramref name="starts"/>.</summary>
    private static StringBuilder AppendNumbers(StringBuilder json, IReadOnlyList<string> elements, string separator, List<int> starts)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            json.Append(i == 0 ? "" : separator);
            starts.Add(json.Length); // ASCII throughout: characters are bytes
            json.Append(elements[i]);
        }

        return json;
    }

    /// <summary>What Utf8JsonReader says of the body read token by token (JsonDocument reads it so).</summary>
    private static string ExpectedError(byte[] body) =>
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body).Dispose()).Message;
}
