using MultiModel.Router.Rules;

namespace MultiModel.Router.Tests.Rules;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("resnet-*", "resnet-50", true)]
    [InlineData("resnet-*", "resnet", false)]
    [InlineData("bert-*-v?", "bert-base-v2", true)]
    [InlineData("bert-*-v?", "bert-base-v10", false)]
    [InlineData("*-int8", "llama-int8", true)]
    [InlineData("*-int8", "llama-int8x", false)]
    [InlineData("a*b*c", "a-x-b-y-c", true)]
    [InlineData("a*b*c", "a-x-c-y-b", false)]
    [InlineData("iris", "Iris", false)] // Ordinal, case-sensitive like the model store's keys.
    [InlineData("?", "", false)]
    public void IsMatch_PatternAndId_MatchesAsGlob(string pattern, string id, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, id));

    [Fact]
    public void IsMatch_PathologicalPattern_FinishesFast()
    {
        // A regex engine backtracks exponentially on this; the scan must not.
        var pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        var id = new string('a', 200);

        Assert.False(Glob.IsMatch(pattern, id));
    }
}
