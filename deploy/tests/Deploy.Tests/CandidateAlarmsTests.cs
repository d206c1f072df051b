using System.Text.Json.Nodes;
using Amazon.CDK;
using MultiModel.Deploy.Configuration;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// Each listed model's candidate alarms, as CloudWatch will evaluate them: the queries, their metrics and dimensions,
/// the thresholds, and the names the advancer maps back to a model.
/// </summary>
public sealed class CandidateAlarmsTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    public static TheoryData<string, string> ListedModels => new()
    {
        { "iris", DeploymentConfig.SharedFunctionName },
        { "fraud", "fraud" },
        { "fraud-v2", "fraud" },
    };

    [Fact]
    public void CandidateAlarms_EveryListedModel_HasAnErrorsAndALatencyAlarmNamedStackModelKind()
    {
        var names = Synth.OfType("AWS::CloudWatch::Alarm")
            .Select(a => a.Properties["AlarmName"]?.GetValue<string>()).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(
            ["Test-fraud-candidate-errors", "Test-fraud-candidate-latency", "Test-fraud-v2-candidate-errors", "Test-fraud-v2-candidate-latency",
             "Test-iris-candidate-errors", "Test-iris-candidate-latency"],
            names);
    }

    [Theory]
    [MemberData(nameof(ListedModels))]
    public void ErrorsAlarm_ListedModel_Is5xxShareOfItsCandidatesRequestsOnItsFunction(string model, string function)
    {
        var alarm = AlarmNamed(Synth, $"Test-{model}-candidate-errors");
        var queries = Queries(alarm);
        Assert.Equal("IF(n0 >= 20, 100 * e0 / n0, 0)", ReturnedExpression(queries));
        AssertMetric(queries["n0"], "CandidatePredictions", "Sum", FunctionRef(Synth, function), model);
        AssertMetric(queries["e0"], "CandidateServerErrors", "Sum", FunctionRef(Synth, function), model);
        Assert.Equal(3, queries.Count);

        Assert.Equal("""{"Ref":"CandidateErrorAlarmPercent"}""", alarm["Threshold"]!.ToJsonString());
        Assert.Equal("GreaterThanThreshold", alarm["ComparisonOperator"]!.GetValue<string>());
        Assert.Equal(1, alarm["EvaluationPeriods"]!.GetValue<int>());
        Assert.Equal("notBreaching", alarm["TreatMissingData"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ListedModels))]
    public void LatencyAlarm_ListedModel_IsCandidateMedianOverTheModelsMedianOnItsFunction(string model, string function)
    {
        var alarm = AlarmNamed(Synth, $"Test-{model}-candidate-latency");
        var queries = Queries(alarm);
        Assert.Equal("IF(n0 >= 20, c0 / p0, 0)", ReturnedExpression(queries));
        AssertMetric(queries["n0"], "CandidatePredictions", "Sum", FunctionRef(Synth, function), model);
        AssertMetric(queries["c0"], "CandidateDuration", "p50", FunctionRef(Synth, function), model);
        AssertMetric(queries["p0"], "PredictionDuration", "p50", FunctionRef(Synth, function), model);
        Assert.Equal(4, queries.Count);

        Assert.Equal("""{"Ref":"CandidateLatencyAlarmRatio"}""", alarm["Threshold"]!.ToJsonString());
        Assert.Equal("GreaterThanThreshold", alarm["ComparisonOperator"]!.GetValue<string>());
        Assert.Equal("notBreaching", alarm["TreatMissingData"]!.GetValue<string>());
    }

    [Fact]
    public void Alarms_ModelListedByTwoFunctions_SumItsRequestsAndTakeTheWorseFunctionsRatio()
    {
        var config = TestConfigs.Default();
        config = config with { ModelHost = config.ModelHost with { Models = ["iris", "fraud"] } };
        var synth = SynthesizedStack.Synthesize(config);
        var (shared, fraud) = (FunctionRef(synth, DeploymentConfig.SharedFunctionName), FunctionRef(synth, "fraud"));

        var errors = Queries(AlarmNamed(synth, "Test-fraud-candidate-errors"));
        Assert.Equal(
            "IF((FILL(n0, 0) + FILL(n1, 0)) >= 20, 100 * (FILL(e0, 0) + FILL(e1, 0)) / (FILL(n0, 0) + FILL(n1, 0)), 0)",
            ReturnedExpression(errors));
        AssertMetric(errors["n0"], "CandidatePredictions", "Sum", shared, "fraud");
        AssertMetric(errors["n1"], "CandidatePredictions", "Sum", fraud, "fraud");
        AssertMetric(errors["e1"], "CandidateServerErrors", "Sum", fraud, "fraud");

        var latency = Queries(AlarmNamed(synth, "Test-fraud-candidate-latency"));
        Assert.Equal("MAX([r0, r1])", ReturnedExpression(latency));
        Assert.Equal("IF(n0 >= 20, c0 / p0, 0)", latency["r0"]["Expression"]!.GetValue<string>());
        Assert.Equal("IF(n1 >= 20, c1 / p1, 0)", latency["r1"]["Expression"]!.GetValue<string>());
        Assert.False(latency["r0"]["ReturnData"]!.GetValue<bool>());
        AssertMetric(latency["c0"], "CandidateDuration", "p50", shared, "fraud");
        AssertMetric(latency["p1"], "PredictionDuration", "p50", fraud, "fraud");
        Assert.Equal(6, latency.Values.Count(q => q["MetricStat"] is not null));

        // The model the one function lists keeps the simple form.
        Assert.Equal("IF(n0 >= 20, 100 * e0 / n0, 0)", ReturnedExpression(Queries(AlarmNamed(synth, "Test-fraud-v2-candidate-errors"))));
    }

    [Fact]
    public void Alarms_MinRequests_ComeFromTheConfiguration()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { Rollouts = new RolloutsConfig { AlarmMinRequests = 200 } });
        Assert.Equal("IF(n0 >= 200, 100 * e0 / n0, 0)", ReturnedExpression(Queries(AlarmNamed(synth, "Test-iris-candidate-errors"))));
        Assert.Equal("IF(n0 >= 200, c0 / p0, 0)", ReturnedExpression(Queries(AlarmNamed(synth, "Test-iris-candidate-latency"))));
    }

    [Fact]
    public void Parameters_CandidateThresholds_Default5PercentAndTwiceTheMedian()
    {
        var parameters = Synth.Template["Parameters"]!;
        Assert.Equal(5, parameters["CandidateErrorAlarmPercent"]!["Default"]!.GetValue<double>());
        Assert.True(parameters["CandidateErrorAlarmPercent"]!["MinValue"]!.GetValue<double>() > 0);
        Assert.Equal(100, parameters["CandidateErrorAlarmPercent"]!["MaxValue"]!.GetValue<double>());
        Assert.Equal(2, parameters["CandidateLatencyAlarmRatio"]!["Default"]!.GetValue<double>());
        Assert.True(parameters["CandidateLatencyAlarmRatio"]!["MinValue"]!.GetValue<double>() > 1);
    }

    [Fact]
    public void Alarms_WithTopic_NotifyIt()
    {
        const string topic = "arn:aws:sns:us-east-1:111122223333:oncall";
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { AlarmTopicArn = topic });
        Assert.Equal($"[\"{topic}\"]", AlarmNamed(synth, "Test-iris-candidate-errors")["AlarmActions"]!.ToJsonString());
        Assert.Equal($"[\"{topic}\"]", AlarmNamed(synth, "Test-iris-candidate-latency")["AlarmActions"]!.ToJsonString());
    }

    [Fact]
    public void Alarms_NameOverCloudWatchsLimit_FailsSynthNamingIt()
    {
        var config = TestConfigs.Default() with { ModelHost = new ModelFunctionConfig { Name = "shared", Models = [new string('m', 128)] } };
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "multimodel-alarm-name-" + Guid.NewGuid().ToString("N")) });
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new MultiModelStack(app, new string('S', 128), config, RepositoryPaths.Root));
            Assert.Contains("longer than CloudWatch's 255 characters", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            BuildContext.Delete(app.Outdir);
        }
    }

    private static JsonObject AlarmNamed(SynthesizedStack synth, string name) =>
        Assert.Single(synth.OfType("AWS::CloudWatch::Alarm"), a => a.Properties["AlarmName"]?.GetValue<string>() == name).Properties;

    private static Dictionary<string, JsonObject> Queries(JsonObject alarm) =>
        alarm["Metrics"]!.AsArray().Select(q => q!.AsObject()).ToDictionary(q => q["Id"]!.GetValue<string>());

    // The one query whose value the alarm compares (CloudWatch's default for ReturnData is true).
    private static string ReturnedExpression(Dictionary<string, JsonObject> queries) =>
        Assert.Single(queries.Values, q => q["ReturnData"]?.GetValue<bool>() ?? true)["Expression"]!.GetValue<string>();

    private static string FunctionRef(SynthesizedStack synth, string function) => synth.LogicalId(
        function == DeploymentConfig.SharedFunctionName ? synth.Stack.ModelHost.Function : synth.Stack.IsolatedFunctions[function].Function);

    private static void AssertMetric(JsonObject query, string metric, string statistic, string functionId, string model)
    {
        var stat = query["MetricStat"]!;
        Assert.Equal(statistic, stat["Stat"]!.GetValue<string>());
        Assert.Equal(300, stat["Period"]!.GetValue<int>());
        Assert.Equal("MultiModel", stat["Metric"]!["Namespace"]!.GetValue<string>());
        Assert.Equal(metric, stat["Metric"]!["MetricName"]!.GetValue<string>());
        Assert.Equal(
            $$$"""[{"Name":"FunctionName","Value":{"Ref":"{{{functionId}}}"}},{"Name":"ModelId","Value":"{{{model}}}"}]""",
            stat["Metric"]!["Dimensions"]!.ToJsonString());
        Assert.False(query["ReturnData"]!.GetValue<bool>());
    }
}
