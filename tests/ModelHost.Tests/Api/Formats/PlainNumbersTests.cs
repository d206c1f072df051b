using System.Globalization;
using System.Text;
using MultiModel.ModelHost.Api.Formats.Json;

namespace MultiModel.ModelHost.Tests.Api.Formats;

/// <summary>
/// The fast path for JSON numbers gives bit for bit the value the runtime's own parser gives (double.Parse,
/// float.Parse: correctly rounded, float32 rounded once), or declines and leaves the element to the slow path.
/// </summary>
public sealed class PlainNumbersTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("1")]
    [InlineData("-1.5")]
    [InlineData("0.1")]
    [InlineData("0.000123")]
    [InlineData("123456789012345")]
    [InlineData("9007199254740991")]
    [InlineData("1e22")]
    [InlineData("1E-22")]
    [InlineData("4.2e+3")]
    [InlineData("0.84147096")]
    [InlineData("-3.4028235E38")]
    [InlineData("9007199254740993")]
    [InlineData("1e23")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("2.2250738585072014E-308")]
    [InlineData("4.9e-324")]
    [InlineData("1.00000005960464477539062501")] // just over a float32 halfway point: see Float_JustOverAHalfwayPoint_RoundsOnceUp
    [InlineData("0.12345678901234567890123456789")]
    public void DoubleAndFloat_Number_EqualTheRuntimesParser(string text) => AssertSameAsRuntimeParser(text);

    [Fact]
    public void DoubleAndFloat_ShortestFloatAndDoubleTexts_EqualTheRuntimesParser()
    {
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            var wide = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            AssertSameAsRuntimeParser(wide.ToString("R", CultureInfo.InvariantCulture));
            AssertSameAsRuntimeParser(((float)wide).ToString("R", CultureInfo.InvariantCulture));
            AssertSameAsRuntimeParser(Math.Round(wide, random.Next(0, 8)).ToString("F6", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("1e300", true, false)] // a double, out of float32's range: the slow path says so
    [InlineData("1e400", false, false)] // out of both ranges
    public void DoubleAndFloat_OutOfRange_Decline(string text, bool doubleTakes, bool floatTakes)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(doubleTakes, PlainNumbers.Double(bytes, out _));
        Assert.Equal(floatTakes, PlainNumbers.Float(bytes, out _));
    }

    [Fact]
    public void Float_JustOverAHalfwayPoint_RoundsOnceUp()
    {
        // 1 + 2^-24 + 1e-26: its nearest double is the halfway point 1 + 2^-24 itself, which a cast to float rounds to
        // even (1.0); rounded once, as float.Parse and Utf8JsonReader.TryGetSingle do, it is the float above.
        Assert.True(PlainNumbers.Float("1.00000005960464477539062501"u8, out var value));
        Assert.Equal(BitConverter.Int32BitsToSingle(0x3F800001), value);
        Assert.NotEqual((float)1.00000005960464477539062501, value); // through a double: 1.0
    }

    [Fact]
    public void Double_NumberFollowedByMoreJson_TakesOnlyTheNumber()
    {
        Assert.True(PlainNumbers.Double("12.5, 3]"u8, out var value));
        Assert.Equal(12.5, value);
        Assert.True(PlainNumbers.Float("12.5]"u8, out var single));
        Assert.Equal(12.5f, single);
    }

    [Theory]
    [InlineData("12.5x")] // not a number's end: the slow path names the element
    [InlineData("\"NaN\"")] // a string: the slow path converts it
    public void DoubleAndFloat_NotAPlainNumber_Decline(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.False(PlainNumbers.Double(bytes, out _));
        Assert.False(PlainNumbers.Float(bytes, out _));
    }

    private static void AssertSameAsRuntimeParser(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var wide = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(PlainNumbers.Double(bytes, out var parsed), text);
        Assert.True(BitConverter.DoubleToInt64Bits(wide) == BitConverter.DoubleToInt64Bits(parsed), $"{text}: {parsed:R} instead of {wide:R}");

        var single = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (float.IsFinite(single))
        {
            Assert.True(PlainNumbers.Float(bytes, out var parsedSingle), text);
            Assert.True(BitConverter.SingleToInt32Bits(single) == BitConverter.SingleToInt32Bits(parsedSingle), $"{text}: {parsedSingle:R} instead of {single:R} as float32");
        }
    }
}
