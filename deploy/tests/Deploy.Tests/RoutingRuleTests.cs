using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests;

public sealed class RoutingRuleTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    private static JsonObject Parameter(string name) =>
        Assert.Single(Synth.OfType("AWS::SSM::Parameter"), p => p.Properties["Name"]!.GetValue<string>() == name).Properties;

    [Fact]
    public void Rules_FromConfiguration_AreOneStringParameterEachUnderTheRulesPath()
    {
        var names = Synth.OfType("AWS::SSM::Parameter").Select(p => p.Properties["Name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["/multimodel/routes/external", "/multimodel/routes/fraud"], names);
        Assert.All(Synth.OfType("AWS::SSM::Parameter"), p => Assert.Equal("String", p.Properties["Type"]!.GetValue<string>()));
    }

    [Fact]
    public void Rule_FunctionTarget_BecomesThatFunctionsUrlWithIamAuth()
    {
        var value = Parameter("/multimodel/routes/fraud")["Value"]!.AsObject();
        var parts = value["Fn::Join"]![1]!.AsArray();
        var urlAttribute = $$"""{"Fn::GetAtt":["{{Synth.LogicalId(Synth.Stack.IsolatedFunctions["fraud"].Url!)}}","FunctionUrl"]}""";
        Assert.Equal(3, parts.Count);
        Assert.Equal(urlAttribute, parts[1]!.ToJsonString());

        // Substituting a sample URL for the attribute must give the Router's JSON, with "function" gone.
        var rule = JsonNode.Parse(parts[0]!.GetValue<string>() + "https://abc.lambda-url.us-east-1.on.aws/" + parts[2]!.GetValue<string>())!;
        var target = Assert.Single(rule["targets"]!.AsArray())!.AsObject();
        Assert.Equal("https://abc.lambda-url.us-east-1.on.aws/", target["url"]!.GetValue<string>());
        Assert.Equal("iam", target["auth"]!.GetValue<string>());
        Assert.Equal(100, target["weight"]!.GetValue<int>());
        Assert.Equal("00:00:10", target["timeout"]!.GetValue<string>());
        Assert.False(target.ContainsKey("function"));
        Assert.Equal("fraud", rule["match"]!["exact"]!.GetValue<string>());
    }

    [Fact]
    public void Rule_UrlTarget_IsWrittenUnchanged()
    {
        var value = Parameter("/multimodel/routes/external")["Value"]!.GetValue<string>();
        Assert.Equal(TestConfigs.Default().Routes[1].Rule.ToJsonString(), value);
    }
}
