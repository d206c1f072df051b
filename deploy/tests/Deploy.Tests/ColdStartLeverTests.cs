using System.Text.Json.Nodes;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Tests;

/// <summary>The two cold-start levers: provisioned concurrency on the alias, and a scheduled prewarm.</summary>
public sealed class ColdStartLeverTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    // The warm-up's rule: the one that invokes a ModelHost's live alias (the advancer has rules of its own).
    private static (string Id, JsonObject Properties) WarmupRule(SynthesizedStack synth) => Assert.Single(
        synth.OfType("AWS::Events::Rule"), r => r.Properties["Targets"]![0]!["Arn"]!.ToJsonString().Contains("Alias", StringComparison.Ordinal));

    [Fact]
    public void Alias_ProvisionedConcurrency_IsAbsentUnlessConfigured() =>
        Assert.All(Synth.OfType("AWS::Lambda::Alias"), a => Assert.Null(a.Properties["ProvisionedConcurrencyConfig"]));

    [Fact]
    public void Alias_ProvisionedConcurrencyConfigured_IsSetOnThatFunctionsLiveAliasOnly()
    {
        var config = TestConfigs.Default();
        config = config with { IsolatedFunctions = [config.IsolatedFunctions[0] with { ProvisionedConcurrency = 2 }] };
        var synth = SynthesizedStack.Synthesize(config);

        var alias = synth.Properties(synth.Stack.IsolatedFunctions["fraud"].Alias);
        Assert.Equal("live", alias["Name"]!.GetValue<string>());
        Assert.Equal("""{"ProvisionedConcurrentExecutions":2}""", alias["ProvisionedConcurrencyConfig"]!.ToJsonString());
        Assert.Null(synth.Properties(synth.Stack.ModelHost.Alias)["ProvisionedConcurrencyConfig"]);
    }

    [Fact]
    public void Warmup_Configured_InvokesTheAliasOnScheduleWithAnHttpApiV2PrewarmRequest()
    {
        var rule = WarmupRule(Synth).Properties;
        Assert.Equal("rate(5 minutes)", rule["ScheduleExpression"]!.GetValue<string>());
        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        Assert.Equal($$"""{"Ref":"{{Synth.LogicalId(Synth.Stack.ModelHost.Alias)}}"}""", target["Arn"]!.ToJsonString());

        var request = JsonNode.Parse(target["Input"]!.GetValue<string>())!;
        Assert.Equal("2.0", request["version"]!.GetValue<string>());
        Assert.Equal("POST", request["requestContext"]!["http"]!["method"]!.GetValue<string>());
        Assert.Equal("/admin/prewarm", request["requestContext"]!["http"]!["path"]!.GetValue<string>());
        Assert.Equal("/admin/prewarm", request["rawPath"]!.GetValue<string>());
        Assert.Equal("application/json", request["headers"]!["content-type"]!.GetValue<string>());
        Assert.False(request["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("""{"models":["iris"]}""", request["body"]!.GetValue<string>());
    }

    [Fact]
    public void Warmup_Configured_MayInvokeOnlyFromItsOwnRule()
    {
        var alias = $$"""{"Ref":"{{Synth.LogicalId(Synth.Stack.ModelHost.Alias)}}"}""";
        var permission = Assert.Single(Synth.OfType("AWS::Lambda::Permission"), p => p.Properties["FunctionName"]!.ToJsonString() == alias).Properties;
        var rule = WarmupRule(Synth).Id;
        Assert.Equal("events.amazonaws.com", permission["Principal"]!.GetValue<string>());
        Assert.Equal("lambda:InvokeFunction", permission["Action"]!.GetValue<string>());
        Assert.Equal($$"""{"Fn::GetAtt":["{{rule}}","Arn"]}""", permission["SourceArn"]!.ToJsonString());
    }

    [Fact]
    public void Warmup_ExplicitModels_OverrideTheFunctionsModels()
    {
        var config = TestConfigs.Default();
        config = config with
        {
            ModelHost = config.ModelHost with { Warmup = new WarmupConfig { Schedule = "cron(0/10 * * * ? *)", Models = ["iris", "house-price"] } },
        };
        var synth = SynthesizedStack.Synthesize(config);

        var rule = WarmupRule(synth).Properties;
        Assert.Equal("cron(0/10 * * * ? *)", rule["ScheduleExpression"]!.GetValue<string>());
        var request = JsonNode.Parse(rule["Targets"]![0]!["Input"]!.GetValue<string>())!;
        Assert.Equal("""{"models":["iris","house-price"]}""", request["body"]!.GetValue<string>());
    }
}
