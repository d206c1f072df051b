using System.Globalization;
using System.Text;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.Json;

namespace MultiModel.ModelHost.Tests.Api.Formats;

/// <summary>The fast path for short decimals gives bit for bit the double the full parser gives, or declines.</summary>
public sealed class ShortDecimalTests
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
    public void TryParse_Number_EqualsTheFullParserOrDeclines(string text) => AssertSameAsFullParser(text);

    [Fact]
    public void TryParse_ShortestFloatAndDoubleTexts_EqualTheFullParser()
    {
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            var wide = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            AssertSameAsFullParser(wide.ToString("R", CultureInfo.InvariantCulture));
            AssertSameAsFullParser(((float)wide).ToString("R", CultureInfo.InvariantCulture));
            AssertSameAsFullParser(Math.Round(wide, random.Next(0, 8)).ToString("F6", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void TryParse_NumberFollowedByMoreJson_ConsumesOnlyTheNumber()
    {
        Assert.True(ShortDecimal.TryParse("12.5, 3]"u8, out var value, out var consumed));
        Assert.Equal(12.5, value);
        Assert.Equal(4, consumed);
    }

    private static void AssertSameAsFullParser(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (ShortDecimal.TryParse(bytes, out var value, out var consumed))
        {
            Assert.Equal(bytes.Length, consumed);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"{text}: {value:R} instead of {expected:R}");
        }
    }
}
