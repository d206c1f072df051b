using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Tests;

public sealed class FunctionUrlTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    [Fact]
    public void ModelFunctionUrls_Auth_IsAwsIamOnTheLiveAlias()
    {
        var functions = Synth.Stack.IsolatedFunctions.Values.Prepend(Synth.Stack.ModelHost).ToList();
        foreach (var function in functions)
        {
            var url = Synth.Properties(function.Url!);
            Assert.Equal("AWS_IAM", url["AuthType"]!.GetValue<string>());
            Assert.Equal("live", url["Qualifier"]!.GetValue<string>());
            Assert.Equal($$"""{"Fn::GetAtt":["{{Synth.LogicalId(function.Function)}}","Arn"]}""", url["TargetFunctionArn"]!.ToJsonString());
        }

        // One URL per model function plus the Router's: nothing else is reachable over HTTP.
        Assert.Equal(functions.Count + 1, Synth.OfType("AWS::Lambda::Url").Count());
    }

    [Fact]
    public void RouterUrl_Default_IsAwsIamWithNoPublicPermission()
    {
        Assert.Equal("AWS_IAM", Synth.Properties(Synth.Stack.Router.Url!)["AuthType"]!.GetValue<string>());
        Assert.DoesNotContain(Synth.OfType("AWS::Lambda::Permission"), p => p.Properties["Principal"]!.GetValue<string>() == "*");
    }

    [Fact]
    public void RouterUrl_PublicByConfig_GrantsBothUrlAndViaUrlInvokeToEveryoneOnTheRouterOnly()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { RouterUrlAuth = "NONE" });

        Assert.Equal("NONE", synth.Properties(synth.Stack.Router.Url!)["AuthType"]!.GetValue<string>());
        var routerArn = $$"""{"Fn::GetAtt":["{{synth.LogicalId(synth.Stack.Router.Function)}}","Arn"]}""";
        var grants = synth.OfType("AWS::Lambda::Permission").Where(p => p.Properties["Principal"]!.GetValue<string>() == "*").ToList();
        Assert.Equal(2, grants.Count);
        Assert.All(grants, g => Assert.Equal(routerArn, g.Properties["FunctionName"]!.ToJsonString()));
        Assert.Contains(grants, g => g.Properties["Action"]!.GetValue<string>() == "lambda:InvokeFunctionUrl" &&
            g.Properties["FunctionUrlAuthType"]!.GetValue<string>() == "NONE");
        Assert.Contains(grants, g => g.Properties["Action"]!.GetValue<string>() == "lambda:InvokeFunction" &&
            g.Properties["InvokedViaFunctionUrl"]!.GetValue<bool>());
        Assert.All(synth.Stack.IsolatedFunctions.Values.Prepend(synth.Stack.ModelHost),
            f => Assert.Equal("AWS_IAM", synth.Properties(f.Url!)["AuthType"]!.GetValue<string>()));
    }

    [Fact]
    public void Stack_Outputs_NameTheBucketAndEveryUrl()
    {
        var outputs = Synth.Template["Outputs"]!.AsObject().Select(o => o.Key).ToList();
        Assert.Contains("ModelBucketName", outputs);
        Assert.Contains("RouterUrl", outputs);
        Assert.Contains("ModelHostUrl", outputs);
        Assert.Contains(outputs, o => o.StartsWith("ModelUrlfraud", StringComparison.Ordinal));
        Assert.Equal(DeploymentConfig.SharedFunctionName, TestConfigs.Default().ModelHost.Name);
    }
}
