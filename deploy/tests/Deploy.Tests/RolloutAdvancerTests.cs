using System.Text.Json.Nodes;
using MultiModel.Deploy.Configuration;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// The rollout advancer: the tool from the ModelHost's own image, its store settings, and the two EventBridge rules
/// with the events of its contract (docs/deploy.md, "Rollouts").
/// </summary>
public sealed class RolloutAdvancerTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    private static RolloutAdvancer Advancer => Synth.Stack.Advancer!;

    private static JsonObject Function => Synth.Properties(Advancer.Function);

    private static string FunctionArn(SynthesizedStack synth) =>
        $$"""{"Fn::GetAtt":["{{synth.LogicalId(synth.Stack.Advancer!.Function)}}","Arn"]}""";

    [Fact]
    public void Advancer_Image_IsTheModelHostsImageAssetWithTheToolsCommand()
    {
        var modelHost = Synth.Properties(Synth.Stack.ModelHost.Function);
        Assert.Equal(modelHost["Code"]!.ToJsonString(), Function["Code"]!.ToJsonString());
        Assert.Equal(modelHost["Architectures"]!.ToJsonString(), Function["Architectures"]!.ToJsonString());
        Assert.Equal("Image", Function["PackageType"]!.GetValue<string>());
        Assert.Equal("""{"Command":["cli/multimodel"],"WorkingDirectory":"/var/task/cli"}""", Function["ImageConfig"]!.ToJsonString());
        Assert.Equal(512, Function["MemorySize"]!.GetValue<int>());
        Assert.Equal(60, Function["Timeout"]!.GetValue<int>());
    }

    [Fact]
    public void Advancer_Environment_IsTheModelHostsStoreSettingsWithTheLambdaModeAndTheAlarmPrefix()
    {
        var variables = Function["Environment"]!["Variables"]!.AsObject();
        var modelHost = Synth.Properties(Synth.Stack.ModelHost.Function)["Environment"]!["Variables"]!.AsObject();
        foreach (var name in new[] { "ModelHost__Store__Kind", "ModelHost__Store__S3__Bucket", "ModelHost__Store__S3__Prefix" })
        {
            Assert.Equal(modelHost[name]!.ToJsonString(), variables[name]!.ToJsonString());
        }

        Assert.Equal("advance", variables["MULTIMODEL_LAMBDA"]!.GetValue<string>());
        Assert.Equal("Test-", variables["MULTIMODEL_CANDIDATE_ALARM_PREFIX"]!.GetValue<string>());
        Assert.Equal(5, variables.Count);
    }

    [Fact]
    public void Schedule_Default_InvokesTheAdvancerEveryMinuteWithAlarmOk()
    {
        var rule = Synth.Properties(Advancer.Schedule);
        Assert.Equal("rate(1 minute)", rule["ScheduleExpression"]!.GetValue<string>());
        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        Assert.Equal(FunctionArn(Synth), target["Arn"]!.ToJsonString());
        Assert.Equal("""{"alarm":"ok"}""", target["Input"]!.GetValue<string>());
        Assert.Equal(0, target["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>());
    }

    [Fact]
    public void Schedule_Configured_UsesThatExpression()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { Rollouts = new RolloutsConfig { Schedule = "rate(5 minutes)" } });
        Assert.Equal("rate(5 minutes)", synth.Properties(synth.Stack.Advancer!.Schedule)["ScheduleExpression"]!.GetValue<string>());
    }

    [Fact]
    public void AlarmRule_CandidateAlarmEnteringAlarm_InvokesTheAdvancerWithTheAlarmsName()
    {
        var rule = Synth.Properties(Assert.Single(Advancer.AlarmTrigger.Rules));
        var pattern = rule["EventPattern"]!;
        Assert.Equal("""["aws.cloudwatch"]""", pattern["source"]!.ToJsonString());
        Assert.Equal("""["CloudWatch Alarm State Change"]""", pattern["detail-type"]!.ToJsonString());
        Assert.Equal("""{"value":["ALARM"]}""", pattern["detail"]!["state"]!.ToJsonString());
        var alarmNames = Synth.OfType("AWS::CloudWatch::Alarm").Select(a => a.Properties["AlarmName"]?.GetValue<string>()).OfType<string>();
        Assert.Equal(alarmNames.Order(StringComparer.Ordinal), NamesIn(pattern).Order(StringComparer.Ordinal));

        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        Assert.Equal(FunctionArn(Synth), target["Arn"]!.ToJsonString());
        var transformer = target["InputTransformer"]!;
        var (placeholder, path) = Assert.Single(transformer["InputPathsMap"]!.AsObject());
        Assert.Equal("$.detail.alarmName", path!.GetValue<string>());

        // EventBridge puts the value in as a JSON string: the event the advancer gets.
        var sent = transformer["InputTemplate"]!.GetValue<string>().Replace($"<{placeholder}>", "\"Test-fraud-v2-candidate-latency\"", StringComparison.Ordinal);
        Assert.Equal("""{"alarm":"alarm","alarmName":"Test-fraud-v2-candidate-latency"}""", JsonNode.Parse(sent)!.ToJsonString());
    }

    [Fact]
    public void AlarmNames_PrefixAndSuffixRemoved_GiveBackTheModel()
    {
        var prefix = Function["Environment"]!["Variables"]!["MULTIMODEL_CANDIDATE_ALARM_PREFIX"]!.GetValue<string>();
        foreach (var (model, alarms) in Synth.Stack.CandidateAlarms)
        {
            Assert.Equal([model, model], alarms.Names.Select(name =>
            {
                Assert.StartsWith(prefix, name, StringComparison.Ordinal);
                var suffix = new[] { CandidateAlarms.ErrorsSuffix, CandidateAlarms.LatencySuffix }.Single(s => name.EndsWith(s, StringComparison.Ordinal));
                return name[prefix.Length..^suffix.Length];
            }));
        }
    }

    [Fact]
    public void Permissions_OnlyTheAdvancersTwoRules_MayInvokeIt()
    {
        var function = FunctionArn(Synth);
        var permissions = Synth.OfType("AWS::Lambda::Permission").Where(p => p.Properties["FunctionName"]!.ToJsonString() == function).ToList();
        var rules = new[] { Synth.LogicalId(Advancer.Schedule), Synth.LogicalId(Advancer.AlarmTrigger.Rules[0]) };
        Assert.Equal(
            rules.Select(rule => $$"""{"Fn::GetAtt":["{{rule}}","Arn"]}""").Order(StringComparer.Ordinal),
            permissions.Select(p => p.Properties["SourceArn"]!.ToJsonString()).Order(StringComparer.Ordinal));
        Assert.All(permissions, p => Assert.Equal("events.amazonaws.com", p.Properties["Principal"]!.GetValue<string>()));
        Assert.All(permissions, p => Assert.Equal("lambda:InvokeFunction", p.Properties["Action"]!.GetValue<string>()));
        Assert.DoesNotContain(Synth.OfType("AWS::Lambda::Url"), u => u.Properties["TargetFunctionArn"]!.ToJsonString() == function);
    }

    [Fact]
    public void AlarmRule_ManyModels_SplitOverRulesWithinEventBridgesPatternSize()
    {
        var models = Enumerable.Range(0, 60).Select(i => $"a-rather-long-model-name-for-the-pattern-{i:D2}").ToList();
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { ModelHost = new ModelFunctionConfig { Name = "shared", Models = models } });

        var rules = synth.Stack.Advancer!.AlarmTrigger.Rules.Select(r => synth.Properties(r)["EventPattern"]!).ToList();
        Assert.True(rules.Count > 1);
        Assert.All(rules, pattern => Assert.InRange(pattern.ToJsonString().Length, 1, 2048));
        var expected = synth.Stack.CandidateAlarms.Values.SelectMany(a => a.Names).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rules.SelectMany(NamesIn).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Advancer_Disabled_LeavesNoFunctionOrRuleButKeepsTheAlarms()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { Rollouts = new RolloutsConfig { Advancer = false } });
        Assert.Null(synth.Stack.Advancer);
        Assert.Equal(3, synth.OfType("AWS::Lambda::Function").Count());
        Assert.Single(synth.OfType("AWS::Events::Rule")); // the warm-up's
        Assert.Equal(6, synth.OfType("AWS::CloudWatch::Alarm").Count(a => a.Properties["AlarmName"] is not null));
        Assert.Null(synth.Template["Outputs"]!["RolloutAdvancerName"]);
    }

    [Fact]
    public void Outputs_NameTheAdvancerAndItsSchedule()
    {
        var outputs = Synth.Template["Outputs"]!;
        Assert.Equal($$"""{"Ref":"{{Synth.LogicalId(Advancer.Function)}}"}""", outputs["RolloutAdvancerName"]!["Value"]!.ToJsonString());
        Assert.Equal($$"""{"Ref":"{{Synth.LogicalId(Advancer.Schedule)}}"}""", outputs["RolloutScheduleRuleName"]!["Value"]!.ToJsonString());
    }

    [Fact]
    public void RolloutPolicyFile_IsTheFileNameTheHostReads() =>
        Assert.Contains($"FileName = \"{ModelBucketAccess.RolloutPolicyFile}\"",
            File.ReadAllText(RepositoryPaths.Of("src/ModelHost/Models/RolloutPolicy.cs")), StringComparison.Ordinal);

    [Fact]
    public void Split_NamesOverTheBudget_StartANewChunkAndKeepOrder()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"stack-model-{i:D3}-candidate-latency").ToList();
        var chunks = CandidateAlarmTrigger.Split(names).ToList();
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Sum(n => n.Length + 3), 1, 1800));
        Assert.Equal(names, chunks.SelectMany(c => c));
        Assert.Empty(CandidateAlarmTrigger.Split([]));
    }

    private static IEnumerable<string> NamesIn(JsonNode pattern) =>
        pattern["detail"]!["alarmName"]!.AsArray().Select(n => n!.GetValue<string>());
}
