using System.Text.Json;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;

namespace MultiModel.ModelHost.Tests.Monitoring;

public sealed class ConfidenceBaselineTests
{
    private static readonly ModelRef Model = new("iris", 2);

    [Fact]
    public void Parse_Counts_AreTheirSharesOfTheTotal()
    {
        var shares = ConfidenceBaseline.Parse(Json("[0, 0, 0, 1, 1, 2, 4, 8, 16, 8]"), Model, out var problem);

        Assert.Null(problem);
        Assert.Equal([0, 0, 0, 0.025, 0.025, 0.05, 0.1, 0.2, 0.4, 0.2], shares!);
    }

    [Theory]
    [InlineData("{\"bins\": []}", "is object; expected an array of 10 non-negative numbers")]
    [InlineData("[1, 2, 3]", "has 3 numbers; expected an array of 10 non-negative numbers")]
    [InlineData("[1, 1, 1, 1, 1, 1, 1, 1, 1, -1]", "has -1 for bin 9")]
    [InlineData("[1, 1, 1, \"high\", 1, 1, 1, 1, 1, 1]", "has \"high\" for bin 3")]
    [InlineData("[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "is all zeros")]
    public void Parse_Unusable_SaysWhatIsWrongAndWhatWasExpected(string json, string expected)
    {
        var shares = ConfidenceBaseline.Parse(Json(json), Model, out var problem);

        Assert.Null(shares);
        Assert.Contains("\"confidenceBaseline\" in the labels.json of iris/2", problem);
        Assert.Contains(expected, problem);
        Assert.Contains("[0, 0.1), [0.1, 0.2), ..., [0.9, 1]", problem);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
