using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests.Gateway;

/// <summary>
/// Which function the REST API fronts, and what that changes for it: it reads REST API events
/// (MULTIMODEL_LAMBDA_EVENT_SOURCE=RestApi), so it has no function URL, and its warm-up sends that shape; every other
/// function keeps the default and its URL. Auth by IAM instead of keys, and the edge validation turned off.
/// </summary>
public sealed class GatewayTargetTests
{
    private const string Variable = "MULTIMODEL_LAMBDA_EVENT_SOURCE";

    [Fact]
    public void NoApiGateway_Default_NoRestApiAndNoFunctionReadsItsEvents()
    {
        var synth = SynthesizedStack.Default;

        Assert.Empty(synth.OfType("AWS::ApiGateway::RestApi"));
        Assert.All(synth.OfType("AWS::Lambda::Function"), f => Assert.Null(f.Properties["Environment"]?["Variables"]?[Variable]));
    }

    [Fact]
    public void RouterTarget_Router_ReadsRestApiEventsHasNoUrlAndTheGatewayMayInvokeIt()
    {
        var synth = GatewayStacks.Example;
        var router = synth.Stack.Router;

        Assert.Equal("RestApi", Variables(synth, router.Function)[Variable]!.GetValue<string>());
        Assert.Null(router.Url);
        var models = synth.Stack.IsolatedFunctions.Values.Prepend(synth.Stack.ModelHost).ToList();
        Assert.All(models, f => Assert.Null(Variables(synth, f.Function)[Variable]));
        Assert.Equal(models.Count, synth.OfType("AWS::Lambda::Url").Count()); // the model functions' URLs only
        var routerArn = $$"""{"Fn::GetAtt":["{{synth.LogicalId(router.Function)}}","Arn"]}""";
        var grants = synth.OfType("AWS::Lambda::Permission").Where(p => p.Properties["Principal"]!.GetValue<string>() == "apigateway.amazonaws.com").ToList();
        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.Equal(routerArn, g.Properties["FunctionName"]!.ToJsonString()));
    }

    [Fact]
    public void SharedTarget_SharedModelHost_ReadsRestApiEventsOnItsAliasAndWarmsUpWithThatShape()
    {
        var synth = GatewayStacks.SharedTargetWithIam;
        var modelHost = synth.Stack.ModelHost;

        Assert.Equal("RestApi", Variables(synth, modelHost.Function)[Variable]!.GetValue<string>());
        Assert.Null(modelHost.Url);
        Assert.Null(Variables(synth, synth.Stack.Router.Function)[Variable]);
        Assert.NotNull(synth.Stack.Router.Url);
        var method = synth.OfType("AWS::ApiGateway::Method").First().Properties;
        Assert.Contains(synth.LogicalId(modelHost.Alias), method["Integration"]!["Uri"]!.ToJsonString(), StringComparison.Ordinal);
        var warmup = JsonNode.Parse(Assert.Single(synth.OfType("AWS::Events::Rule"), r => r.Properties["Description"]?.GetValue<string>()?.StartsWith("Prewarm", StringComparison.Ordinal) == true)
            .Properties["Targets"]![0]!["Input"]!.GetValue<string>())!;
        Assert.Equal("POST", warmup["httpMethod"]!.GetValue<string>());
        Assert.Equal("/admin/prewarm", warmup["path"]!.GetValue<string>());
        Assert.Null(warmup["rawPath"]);
    }

    [Fact]
    public void IamAuth_Methods_AreSignedNotKeyedAndNoUsagePlanIsMade()
    {
        var synth = GatewayStacks.SharedTargetWithIam;

        Assert.All(synth.OfType("AWS::ApiGateway::Method"), m =>
        {
            Assert.Equal("AWS_IAM", m.Properties["AuthorizationType"]!.GetValue<string>());
            Assert.NotEqual(true, m.Properties["ApiKeyRequired"]?.GetValue<bool>());
        });
        Assert.Empty(synth.OfType("AWS::ApiGateway::UsagePlan"));
        Assert.Empty(synth.OfType("AWS::ApiGateway::ApiKey"));
    }

    [Fact]
    public void ValidateRequestsOff_Methods_HaveNoValidatorOrModel()
    {
        var synth = GatewayStacks.SharedTargetWithIam;

        Assert.Empty(synth.OfType("AWS::ApiGateway::RequestValidator"));
        Assert.Empty(synth.OfType("AWS::ApiGateway::Model"));
        Assert.All(synth.OfType("AWS::ApiGateway::Method"), m => Assert.Null(m.Properties["RequestModels"]));
    }

    private static JsonObject Variables(SynthesizedStack synth, Constructs.IConstruct function) =>
        synth.Properties(function)["Environment"]!["Variables"]!.AsObject();
}
