using System.Text.Json.Nodes;
using MultiModel.Deploy.Infrastructure.Gateway;

namespace MultiModel.Deploy.Tests.Gateway;

/// <summary>The REST API of deploy/examples/api-gateway.json, part by part, as CloudFormation will create it.</summary>
public sealed class ModelApiTests
{
    private static readonly SynthesizedStack Synth = GatewayStacks.Example;

    [Fact]
    public void RestApi_BinaryMediaTypes_IsOctetStreamOnly()
    {
        var api = Assert.Single(Synth.OfType("AWS::ApiGateway::RestApi")).Properties;

        Assert.Equal(["application/octet-stream"], SynthesizedStack.Strings(api["BinaryMediaTypes"]));
        Assert.Equal(["REGIONAL"], SynthesizedStack.Strings(api["EndpointConfiguration"]!["Types"]));
    }

    [Fact]
    public void Methods_ExactlyTheModelRoutes_NoHealthAdminOrMetrics()
    {
        var methods = Methods().Select(m => $"{m.Method} {m.Path}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ApiRoutes.All.Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal), methods);
        Assert.Contains("POST /models/{id}/predict", methods);
        Assert.Contains("POST /v2/models/{name}/versions/{version}/infer", methods);
        Assert.DoesNotContain(methods, m => m.Contains("/health", StringComparison.Ordinal) || m.Contains("/admin", StringComparison.Ordinal)
            || m.Contains("/metrics", StringComparison.Ordinal) || m.Contains("/load", StringComparison.Ordinal));
    }

    [Fact]
    public void Methods_Every_NeedsAnApiKeyAndProxiesToTheRouterWithinTheGatewaysTimeout()
    {
        var router = Synth.LogicalId(Synth.Stack.Router.Function);
        Assert.All(Methods(), m =>
        {
            Assert.True(m.Properties["ApiKeyRequired"]!.GetValue<bool>(), $"{m.Method} {m.Path} takes no key");
            Assert.Equal("NONE", m.Properties["AuthorizationType"]!.GetValue<string>());
            var integration = m.Properties["Integration"]!;
            Assert.Equal("AWS_PROXY", integration["Type"]!.GetValue<string>());
            Assert.Equal(29_000, integration["TimeoutInMillis"]!.GetValue<int>());
            Assert.Contains($"\"{router}\",\"Arn\"", integration["Uri"]!.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void PredictionMethods_Body_IsValidatedAgainstTheirEnvelopesSchema()
    {
        var validator = Assert.Single(Synth.OfType("AWS::ApiGateway::RequestValidator"));
        Assert.True(validator.Properties["ValidateRequestBody"]!.GetValue<bool>());
        var models = Synth.OfType("AWS::ApiGateway::Model").ToDictionary(m => m.Id, m => m.Properties["Name"]!.GetValue<string>());

        foreach (var method in Methods())
        {
            var schema = ApiRoutes.All.Single(r => r.Method == method.Method && r.Path == method.Path).BodySchema;
            if (schema is null)
            {
                Assert.Null(method.Properties["RequestValidatorId"]);
                continue;
            }

            Assert.Equal($$"""{"Ref":"{{validator.Id}}"}""", method.Properties["RequestValidatorId"]!.ToJsonString());
            var model = method.Properties["RequestModels"]!["application/json"]!.ToJsonString();
            var modelId = Assert.Single(models, m => model == $$"""{"Ref":"{{m.Key}}"}""").Key;
            Assert.True(JsonNode.DeepEquals(RequestSchemas.Load(schema), Synth.Properties(modelId)["Schema"]), $"{method.Path}: the template's schema is not {schema}");
        }
    }

    [Fact]
    public void Models_Schemas_AreDraft4AsApiGatewayReadsThem()
    {
        var models = Synth.OfType("AWS::ApiGateway::Model").ToList();

        Assert.Equal(2, models.Count);
        Assert.All(models, m =>
        {
            Assert.Equal("application/json", m.Properties["ContentType"]!.GetValue<string>());
            Assert.Equal("http://json-schema.org/draft-04/schema#", m.Properties["Schema"]!["$schema"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Stage_AccessLog_IsOneJsonObjectPerRequestInItsOwnLogGroup()
    {
        var stage = Assert.Single(Synth.OfType("AWS::ApiGateway::Stage")).Properties;
        var log = stage["AccessLogSetting"]!;

        Assert.Contains(Synth.LogicalId(Synth.Stack.Gateway!.AccessLogs), log["DestinationArn"]!.ToJsonString(), StringComparison.Ordinal);
        var format = JsonNode.Parse(log["Format"]!.GetValue<string>())!.AsObject();
        Assert.Equal("$context.requestId", format["requestId"]!.GetValue<string>());
        Assert.Equal("$context.identity.apiKeyId", format["apiKeyId"]!.GetValue<string>());
        Assert.Equal("$context.error.validationErrorString", format["validationError"]!.GetValue<string>());
        Assert.Equal(30, Synth.Properties(Synth.Stack.Gateway.AccessLogs)["RetentionInDays"]!.GetValue<int>());
    }

    [Fact]
    public void Stage_CacheAndThrottling_CacheOffAndTheStagesLimits()
    {
        var stage = Assert.Single(Synth.OfType("AWS::ApiGateway::Stage")).Properties;
        var settings = Assert.Single(stage["MethodSettings"]!.AsArray())!;

        Assert.Equal("prod", stage["StageName"]!.GetValue<string>());
        Assert.NotEqual(true, stage["CacheClusterEnabled"]?.GetValue<bool>());
        Assert.False(settings["CachingEnabled"]!.GetValue<bool>());
        Assert.Equal(200, settings["ThrottlingRateLimit"]!.GetValue<double>());
        Assert.Equal(400, settings["ThrottlingBurstLimit"]!.GetValue<int>());
    }

    [Fact]
    public void UsagePlans_OnePerClient_WithItsRateBurstQuotaAndKeyOnTheStage()
    {
        var plans = Synth.OfType("AWS::ApiGateway::UsagePlan").ToDictionary(p => p.Properties["UsagePlanName"]!.GetValue<string>(), p => p);
        var keys = Synth.OfType("AWS::ApiGateway::ApiKey").ToList();
        var links = Synth.OfType("AWS::ApiGateway::UsagePlanKey").ToList();
        var stage = Assert.Single(Synth.OfType("AWS::ApiGateway::Stage")).Id;

        Assert.Equal(["Test-partner-batch", "Test-web-shop"], plans.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, keys.Count);
        Assert.Equal(2, links.Count);
        var shop = plans["Test-web-shop"];
        Assert.Equal(50, shop.Properties["Throttle"]!["RateLimit"]!.GetValue<double>());
        Assert.Equal(100, shop.Properties["Throttle"]!["BurstLimit"]!.GetValue<int>());
        Assert.Equal(1_000_000, shop.Properties["Quota"]!["Limit"]!.GetValue<int>());
        Assert.Equal("MONTH", shop.Properties["Quota"]!["Period"]!.GetValue<string>());
        Assert.Equal("DAY", plans["Test-partner-batch"].Properties["Quota"]!["Period"]!.GetValue<string>());
        Assert.All(plans.Values, p => Assert.Equal($$"""{"Ref":"{{stage}}"}""", p.Properties["ApiStages"]![0]!["Stage"]!.ToJsonString()));
        Assert.All(plans.Values, p => Assert.Contains(links, l => l.Properties["UsagePlanId"]!.ToJsonString() == $$"""{"Ref":"{{p.Id}}"}"""));
        Assert.All(keys, k => Assert.Null(k.Properties["Value"])); // generated by API Gateway, never in the template
    }

    [Fact]
    public void GatewayResponses_SayTheLimitTheCallerMet()
    {
        var responses = Synth.OfType("AWS::ApiGateway::GatewayResponse").ToDictionary(r => r.Properties["ResponseType"]!.GetValue<string>(), r => r.Properties);

        string Detail(string type) => JsonNode.Parse(responses[type]["ResponseTemplates"]!["application/json"]!.GetValue<string>())!["detail"]!.GetValue<string>();
        Assert.Contains("10 MB", Detail("REQUEST_TOO_LARGE"), StringComparison.Ordinal);
        Assert.Contains("6 MB", Detail("REQUEST_TOO_LARGE"), StringComparison.Ordinal);
        Assert.Contains("29 seconds", Detail("INTEGRATION_TIMEOUT"), StringComparison.Ordinal);
        Assert.Contains("6 MB", Detail("INTEGRATION_FAILURE"), StringComparison.Ordinal);
        Assert.Contains("\"inputs\"", Detail("BAD_REQUEST_BODY"), StringComparison.Ordinal);
        Assert.Equal("413", responses["REQUEST_TOO_LARGE"]["StatusCode"]!.GetValue<string>());
        Assert.All(responses.Values, r => Assert.Equal("'application/problem+json'", r["ResponseParameters"]!["gatewayresponse.header.Content-Type"]!.GetValue<string>()));
    }

    [Fact]
    public void Outputs_NameTheApiUrlAndEachClientsKeyButNoRouterUrl()
    {
        var outputs = Synth.Template["Outputs"]!.AsObject();

        Assert.Contains("Gateway", outputs["ApiUrl"]!["Value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(outputs, o => o.Key.StartsWith("ApiKeyIdwebshop", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Key.StartsWith("ApiKeyIdpartnerbatch", StringComparison.Ordinal));
        Assert.DoesNotContain("RouterUrl", outputs.Select(o => o.Key));
        Assert.Contains("ModelHostUrl", outputs.Select(o => o.Key));
    }

    [Fact]
    public void Stack_AccountLoggingRole_IsLeftToTheAccountAndNoRoleHasAManagedPolicy()
    {
        Assert.Empty(Synth.OfType("AWS::ApiGateway::Account"));
        Assert.All(Synth.OfType("AWS::IAM::Role"), r => Assert.Null(r.Properties["ManagedPolicyArns"]));
    }

    private static IEnumerable<(string Method, string Path, JsonObject Properties)> Methods() =>
        Synth.OfType("AWS::ApiGateway::Method").Select(m => (m.Properties["HttpMethod"]!.GetValue<string>(), PathOf(m.Properties["ResourceId"]!), m.Properties));

    /// <summary>A method's resource as a path: each AWS::ApiGateway::Resource's PathPart, up its ParentId chain to the root.</summary>
    private static string PathOf(JsonNode resourceId)
    {
        if (resourceId["Ref"] is not { } reference)
        {
            return "/"; // the root resource: {"Fn::GetAtt": [api, "RootResourceId"]}
        }

        var resource = Synth.Properties(reference.GetValue<string>());
        var parent = PathOf(resource["ParentId"]!);
        return (parent == "/" ? "" : parent) + "/" + resource["PathPart"]!.GetValue<string>();
    }
}
