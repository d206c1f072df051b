using MultiModel.Router.Rules;

namespace MultiModel.Router.Tests.Rules;

public sealed class RuleParserTests
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Parse_FullRule_ReadsEveryField()
    {
        const string json = """
            {"match": {"exact": "iris"}, "stickyHeader": "X-Caller-Id",
             "targets": [{"url": "https://abc.lambda-url.eu-west-1.on.aws/", "weight": 90, "timeout": "00:00:10", "auth": "iam"},
                         {"url": "http://localhost:5000", "weight": 10, "auth": "none", "region": "us-east-1"}]}
            """;

        var result = RuleParser.Parse("iris", json, "3", DefaultTimeout);

        var rule = Assert.IsType<RouteRule>(result.Rule);
        Assert.Equal(new RuleMatch(MatchKind.Exact, "iris"), rule.Match);
        Assert.Equal("X-Caller-Id", rule.StickyHeader);
        Assert.Equal("3", rule.Version);
        Assert.Equal(100, rule.TotalWeight);
        Assert.Equal(("https://abc.lambda-url.eu-west-1.on.aws", 90, TimeSpan.FromSeconds(10), TargetAuth.Iam),
            (rule.Targets[0].DestinationPrefix, rule.Targets[0].Weight, rule.Targets[0].Timeout, rule.Targets[0].Auth));
        Assert.Equal((DefaultTimeout, "us-east-1"), (rule.Targets[1].Timeout, rule.Targets[1].Region));
    }

    [Fact]
    public void Parse_MinimalRule_DefaultsWeightOneAuthNoneAndDefaultTimeout()
    {
        var result = RuleParser.Parse("r", """{"match": {"prefix": "resnet-"}, "targets": [{"url": "http://h:1"}]}""", "1", DefaultTimeout);

        var target = Assert.Single(result.Rule!.Targets);
        Assert.Equal((1, TargetAuth.None, DefaultTimeout), (target.Weight, target.Auth, target.Timeout));
    }

    [Theory]
    [InlineData("not json", "not valid JSON at line 1, position 2: ")]
    [InlineData("{\"match\": {\"exact\": \"a\"},\n \"targets\": [{\"url\": \"http://h\"}", "not valid JSON at line 2, position")]
    [InlineData("[1]", "the rule must be an object with match, targets, stickyHeader, not an array")]
    [InlineData("""{"match": "iris", "targets": [{"url": "http://h"}]}""", "match must be an object with exact, prefix, glob, not \"iris\"")]
    [InlineData("""{"match": {"exakt": "a"}, "targets": [{"url": "http://h"}]}""", "unknown field \"exakt\" in match (allowed: exact, prefix, glob)")]
    [InlineData("""{"match": {"exact": "a"}, "targets": {"url": "http://h"}}""", "targets must be an array [...], not an object")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "weight": "ten"}]}""", "targets[0].weight must be a whole number, not \"ten\"")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "weight": 1.5}]}""", "targets[0].weight must be a whole number, not 1.5")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "auth": 1}]}""", "targets[0].auth must be a string in quotes, not 1")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h"}], "sticky": "X-Caller-Id"}""", "unknown field \"sticky\" (allowed: match, targets, stickyHeader)")]
    [InlineData("null", "JSON null")]
    [InlineData("""{"targets": [{"url": "http://h"}]}""", "exactly one of \"exact\", \"prefix\" or \"glob\"")]
    [InlineData("""{"match": {"exact": "a", "glob": "b*"}, "targets": [{"url": "http://h"}]}""", "exactly one of")]
    [InlineData("""{"match": {"exact": "a*"}, "targets": [{"url": "http://h"}]}""", "contains a wildcard; use \"glob\"")]
    [InlineData("""{"match": {"exact": "a b"}, "targets": [{"url": "http://h"}]}""", "without '/', spaces")]
    [InlineData("""{"match": {"exact": "a"}}""", "targets must list 1-16 targets")]
    [InlineData("""{"match": {"exact": "a"}, "targets": []}""", "targets must list 1-16 targets")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "ftp://h"}]}""", "targets[0].url 'ftp://h' is not an absolute http or https URL")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://user:pw@h"}]}""", "must not contain user info")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h/?x=1"}]}""", "must not have a query")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "weight": -1}]}""", "targets[0].weight -1 is out of range")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "weight": 0}]}""", "at least one target needs a weight above 0")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "timeout": "soon"}]}""", "targets[0].timeout 'soon' is invalid")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "timeout": "00:20:00"}]}""", "at most 00:15:00")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "auth": "basic"}]}""", "targets[0].auth 'basic' is unknown (expected \"none\" or \"iam\")")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "auth": "1"}]}""", "auth '1' is unknown")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "region": "Europe"}]}""", "region 'Europe' is not an AWS region name")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h", "weigth": 5}]}""", "unknown field \"weigth\" in targets[0] (allowed: url, weight, timeout, auth, region)")]
    [InlineData("""{"match": {"exact": "a"}, "targets": [{"url": "http://h"}], "stickyHeader": "bad header"}""", "stickyHeader 'bad header' is not a valid header name")]
    public void Parse_InvalidRule_RejectedWithReason(string json, string expectedReason)
    {
        var result = RuleParser.Parse("bad", json, "1", DefaultTimeout);

        Assert.Null(result.Rule);
        Assert.Contains(expectedReason, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("MultiModel.", result.Reason, StringComparison.Ordinal); // The rule's terms, not .NET's.
        Assert.DoesNotContain("System.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllOfThem()
    {
        var result = RuleParser.Parse("bad", """{"match": {"exact": "a"}, "targets": [{"url": "nope", "weight": 5000, "auth": "x"}]}""", "1", DefaultTimeout);

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Parse_SeveralShapeProblems_ReportsAllOfThem()
    {
        var result = RuleParser.Parse("bad", """{"match": {"exakt": "a"}, "targets": [{"url": 5, "weigth": 1}]}""", "1", DefaultTimeout);

        Assert.Equal(
            ["unknown field \"exakt\" in match (allowed: exact, prefix, glob)", "targets[0].url must be a string in quotes, not 5",
             "unknown field \"weigth\" in targets[0] (allowed: url, weight, timeout, auth, region)"],
            result.Errors);
    }
}
