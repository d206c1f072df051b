using MultiModel.Router.Rules;

namespace MultiModel.Router.Tests.Rules;

public sealed class RuleTableTests
{
    private static RouteRule Rule(string name, MatchKind kind, string pattern) =>
        new(name, new RuleMatch(kind, pattern), [new RuleTarget(new Uri($"http://{name}.test"), 1, TimeSpan.FromSeconds(1), TargetAuth.None, null)], null, "1");

    private static readonly RuleTable Table = RuleTable.Create(
        [
            Rule("everything", MatchKind.Glob, "*"),
            Rule("resnet-family", MatchKind.Prefix, "resnet-"),
            Rule("resnet-50-glob", MatchKind.Glob, "resnet-50*"),
            Rule("resnet-5x-prefix", MatchKind.Prefix, "resnet-5"),
            Rule("resnet-50-exact", MatchKind.Exact, "resnet-50"),
            Rule("tie-glob", MatchKind.Glob, "bert-?"),
            Rule("tie-prefix", MatchKind.Prefix, "bert-"),
        ],
        [],
        "fp");

    [Theory]
    [InlineData("resnet-50", "resnet-50-exact")]        // exact beats every pattern
    [InlineData("resnet-50-int8", "resnet-50-glob")]    // 9 literal characters beat 8
    [InlineData("resnet-51", "resnet-5x-prefix")]       // longer prefix beats shorter
    [InlineData("resnet-18", "resnet-family")]
    [InlineData("bert-a", "tie-prefix")]                // equal literal length: prefix before glob
    [InlineData("iris", "everything")]
    public void Resolve_SeveralRulesMatch_MostSpecificWins(string modelId, string expectedRule) =>
        Assert.Equal(expectedRule, Table.Resolve(modelId)?.Name);

    [Fact]
    public void Resolve_NothingMatches_ReturnsNull()
    {
        var table = RuleTable.Create([Rule("only", MatchKind.Exact, "iris")], [], "fp");

        Assert.Null(table.Resolve("mnist"));
    }

    [Fact]
    public void Create_TwoExactRulesForOneId_FirstByNameWinsOtherIsReportedShadowed()
    {
        var table = RuleTable.Create([Rule("b-rule", MatchKind.Exact, "iris"), Rule("a-rule", MatchKind.Exact, "iris")], [], "fp");

        Assert.Equal("a-rule", table.Resolve("iris")?.Name);
        var skipped = Assert.Single(table.Skipped);
        Assert.Equal("b-rule", skipped.Name);
        Assert.Contains("shadowed by rule 'a-rule'", skipped.Reason, StringComparison.Ordinal);
    }
}
