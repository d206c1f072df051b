using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// Least privilege, asserted as whole sets: a new action, a new resource or a wildcard anywhere fails a test here.
/// </summary>
public sealed class PermissionTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    private static string BucketArnJoin(string suffix) =>
        $$"""{"Fn::Join":["",[{"Fn::GetAtt":["{{Synth.LogicalId(Synth.Stack.Models.Bucket)}}","Arn"]},"{{suffix}}"]]}""";

    private static bool IsOnly(JsonObject statement, string action) =>
        SynthesizedStack.Strings(statement["Action"]).SequenceEqual([action]);

    [Fact]
    public void Roles_ExactlyOnePerFunction_WithNoManagedOrInlinePolicies()
    {
        var roles = Synth.OfType("AWS::IAM::Role").ToList();
        Assert.Equal(4, roles.Count);
        Assert.All(roles, role =>
        {
            Assert.Null(role.Properties["ManagedPolicyArns"]);
            Assert.Null(role.Properties["Policies"]);
            Assert.Equal("""[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}]""",
                role.Properties["AssumeRolePolicyDocument"]!["Statement"]!.ToJsonString());
        });
    }

    [Fact]
    public void Policies_EveryStatement_HasNoWildcardActionNoDenyGapAndOnlyPrefixScopedWildcardResources()
    {
        var allowedWildcards = new[] { "/models/*", "/models/fraud/*", "/models/fraud-v2/*", "/models/*/rollout.json", ":parameter/multimodel/routes/*" };
        var statements = Synth.OfType("AWS::IAM::Policy")
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject())).ToList();
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
            Assert.Null(statement["NotAction"]);
            Assert.Null(statement["NotResource"]);
            Assert.All(SynthesizedStack.Strings(statement["Action"]), action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
            foreach (var resource in SynthesizedStack.Strings(statement["Resource"]))
            {
                Assert.NotEqual("*", resource);
                // Log group ARNs end in ":*" (the streams of that one group); a GetAtt hides it, so it cannot show here.
                if (resource.Contains('*', StringComparison.Ordinal))
                {
                    Assert.Contains(allowedWildcards, suffix => resource.Contains($"\"{suffix}\"", StringComparison.Ordinal) ||
                        resource.EndsWith(suffix + "\"]]}", StringComparison.Ordinal));
                }
            }
        }
    }

    [Fact]
    public void SharedModelHostRole_Actions_AreExactlyLogsAndModelPrefixRead()
    {
        var role = Synth.Stack.ModelHost.Role;
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents", "s3:GetObject", "s3:ListBucket"], Synth.ActionsOf(role));

        var statements = Synth.StatementsOf(role);
        var read = Assert.Single(statements, s => IsOnly(s, "s3:GetObject"));
        Assert.Equal(BucketArnJoin("/models/*"), read["Resource"]!.ToJsonString());
        var list = Assert.Single(statements, s => IsOnly(s, "s3:ListBucket"));
        Assert.Equal("""{"StringLike":{"s3:prefix":["models/*"]}}""", list["Condition"]!.ToJsonString());
        var logs = Assert.Single(statements, s => SynthesizedStack.Strings(s["Action"]).Contains("logs:PutLogEvents"));
        Assert.Equal($$"""{"Fn::GetAtt":["{{Synth.LogicalId(Synth.Stack.ModelHost.LogGroup)}}","Arn"]}""", logs["Resource"]!.ToJsonString());
    }

    [Fact]
    public void IsolatedRole_Reads_OnlyItsOwnModelFolders()
    {
        var role = Synth.Stack.IsolatedFunctions["fraud"].Role;
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents", "s3:GetObject", "s3:ListBucket"], Synth.ActionsOf(role));

        var statements = Synth.StatementsOf(role);
        var read = Assert.Single(statements, s => IsOnly(s, "s3:GetObject"));
        Assert.Equal($"[{BucketArnJoin("/models/fraud/*")},{BucketArnJoin("/models/fraud-v2/*")}]", read["Resource"]!.ToJsonString());
        var list = Assert.Single(statements, s => IsOnly(s, "s3:ListBucket"));
        Assert.Equal("""{"StringLike":{"s3:prefix":["models/fraud/*","models/fraud-v2/*"]}}""", list["Condition"]!.ToJsonString());
    }

    [Fact]
    public void AdvancerRole_Actions_AreExactlyLogsModelPrefixReadAndRolloutPolicyWrite()
    {
        var role = Synth.Stack.Advancer!.Role;
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents", "s3:GetObject", "s3:ListBucket", "s3:PutObject"], Synth.ActionsOf(role));

        var statements = Synth.StatementsOf(role);
        var read = Assert.Single(statements, s => IsOnly(s, "s3:GetObject"));
        Assert.Equal(BucketArnJoin("/models/*"), read["Resource"]!.ToJsonString());
        var list = Assert.Single(statements, s => IsOnly(s, "s3:ListBucket"));
        Assert.Equal("""{"StringLike":{"s3:prefix":["models/*"]}}""", list["Condition"]!.ToJsonString());
        // Writes only the policies: never a model, a version folder or anything outside the prefix.
        var write = Assert.Single(statements, s => IsOnly(s, "s3:PutObject"));
        Assert.Equal(BucketArnJoin("/models/*/rollout.json"), write["Resource"]!.ToJsonString());
        var logs = Assert.Single(statements, s => SynthesizedStack.Strings(s["Action"]).Contains("logs:PutLogEvents"));
        Assert.Equal($$"""{"Fn::GetAtt":["{{Synth.LogicalId(Synth.Stack.Advancer.LogGroup)}}","Arn"]}""", logs["Resource"]!.ToJsonString());
    }

    [Fact]
    public void AdvancerRole_OtherPrefix_IsScopedToIt()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { ModelPrefix = "team-a/models/" });
        var statements = synth.StatementsOf(synth.Stack.Advancer!.Role);
        var bucket = synth.LogicalId(synth.Stack.Models.Bucket);
        Assert.EndsWith("""/team-a/models/*/rollout.json"]]}""", Assert.Single(statements, s => IsOnly(s, "s3:PutObject"))["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.EndsWith("""/team-a/models/*"]]}""", Assert.Single(statements, s => IsOnly(s, "s3:GetObject"))["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(bucket, Assert.Single(statements, s => IsOnly(s, "s3:PutObject"))["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("""{"StringLike":{"s3:prefix":["team-a/models/*"]}}""", Assert.Single(statements, s => IsOnly(s, "s3:ListBucket"))["Condition"]!.ToJsonString());
    }

    [Fact]
    public void RouterRole_Actions_AreExactlyLogsRulesReadAndModelUrlInvoke()
    {
        Assert.Equal(
            ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl", "logs:CreateLogStream", "logs:PutLogEvents", "ssm:GetParameter", "ssm:GetParametersByPath"],
            Synth.ActionsOf(Synth.Stack.Router.Role));
    }

    [Fact]
    public void RouterRole_Invoke_IsLimitedToTheModelFunctionsLiveAliases()
    {
        var invoke = Assert.Single(Synth.StatementsOf(Synth.Stack.Router.Role), s => SynthesizedStack.Strings(s["Action"]).Contains("lambda:InvokeFunctionUrl"));
        var expected = new JsonArray(
            new JsonObject { ["Ref"] = Synth.LogicalId(Synth.Stack.ModelHost.Alias) },
            new JsonObject { ["Ref"] = Synth.LogicalId(Synth.Stack.IsolatedFunctions["fraud"].Alias) });
        Assert.Equal(expected.ToJsonString(), invoke["Resource"]!.ToJsonString());
        // The alias reference is its ARN; only the aliases carry the URLs.
        Assert.All(Synth.OfType("AWS::Lambda::Url").Where(u => u.Properties["Qualifier"] is not null),
            url => Assert.Equal("live", url.Properties["Qualifier"]!.GetValue<string>()));
    }

    [Fact]
    public void RouterRole_Ssm_IsLimitedToTheRulesPath()
    {
        var ssm = Assert.Single(Synth.StatementsOf(Synth.Stack.Router.Role), s => SynthesizedStack.Strings(s["Action"]).Contains("ssm:GetParameter"));
        var resources = SynthesizedStack.Strings(ssm["Resource"]).ToList();
        Assert.Equal(2, resources.Count);
        Assert.EndsWith(""":parameter/multimodel/routes"]]}""", resources[0], StringComparison.Ordinal);
        Assert.EndsWith(""":parameter/multimodel/routes/*"]]}""", resources[1], StringComparison.Ordinal);
    }
}
