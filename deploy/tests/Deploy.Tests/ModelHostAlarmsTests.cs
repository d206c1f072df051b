using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests;

/// <summary>The alarms on what the ModelHost reports about itself: memory near the function's size, and drift.</summary>
public sealed class ModelHostAlarmsTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    [Fact]
    public void MemoryAlarm_EachModelHost_ComparesResidentMemoryWithItsOwnSize()
    {
        var expected = new Dictionary<string, string>
        {
            [Synth.LogicalId(Synth.Stack.ModelHost.Function)] = """{"Fn::Join":["",["100 * resident / (1048576 * ",{"Ref":"ModelHostMemoryMb"},")"]]}""",
            [Synth.LogicalId(Synth.Stack.IsolatedFunctions["fraud"].Function)] = "\"100 * resident / (1048576 * 2048)\"",
        };
        foreach (var (function, expression) in expected)
        {
            var alarm = AlarmOf(function, "ResidentMemory");
            var queries = alarm["Metrics"]!.AsArray().Select(q => q!.AsObject()).ToList();
            Assert.Equal(expression, Assert.Single(queries, q => q["Expression"] is not null)["Expression"]!.ToJsonString());
            var resident = Assert.Single(queries, q => q["MetricStat"] is not null)["MetricStat"]!;
            Assert.Equal("Maximum", resident["Stat"]!.GetValue<string>());
            Assert.Equal("""{"Ref":"MemoryAlarmPercent"}""", alarm["Threshold"]!.ToJsonString());
            Assert.Equal("GreaterThanOrEqualToThreshold", alarm["ComparisonOperator"]!.GetValue<string>());
            Assert.Equal("notBreaching", alarm["TreatMissingData"]!.GetValue<string>());
        }

        Assert.Empty(AlarmsOf(Synth.LogicalId(Synth.Stack.Router.Function), "ResidentMemory"));
    }

    [Fact]
    public void DriftAlarm_EachModelHost_OnTheMostDriftedModelForTwoPeriods()
    {
        foreach (var function in Synth.Stack.IsolatedFunctions.Values.Prepend(Synth.Stack.ModelHost).Select(f => Synth.LogicalId(f.Function)))
        {
            var alarm = AlarmOf(function, "ConfidenceDrift");
            Assert.Equal("MultiModel", alarm["Namespace"]!.GetValue<string>());
            // The function-wide series: its Maximum is the highest drift of any model on the function.
            Assert.Equal($$$"""[{"Name":"FunctionName","Value":{"Ref":"{{{function}}}"}}]""", alarm["Dimensions"]!.ToJsonString());
            Assert.Equal("Maximum", alarm["Statistic"]!.GetValue<string>());
            Assert.Equal("""{"Ref":"DriftAlarmPsi"}""", alarm["Threshold"]!.ToJsonString());
            Assert.Equal(2, alarm["EvaluationPeriods"]!.GetValue<int>());
        }
    }

    [Fact]
    public void Parameters_AlarmThresholds_HaveSafeDefaultsAndBounds()
    {
        var parameters = Synth.Template["Parameters"]!;
        Assert.Equal(90, parameters["MemoryAlarmPercent"]!["Default"]!.GetValue<double>());
        Assert.Equal(100, parameters["MemoryAlarmPercent"]!["MaxValue"]!.GetValue<double>());
        Assert.Equal(0.25, parameters["DriftAlarmPsi"]!["Default"]!.GetValue<double>());
        Assert.True(parameters["DriftAlarmPsi"]!["MinValue"]!.GetValue<double>() > 0);
    }

    private static JsonObject AlarmOf(string function, string metric) => Assert.Single(AlarmsOf(function, metric));

    // An alarm on the app's metric, found by the function its metric is under (directly or inside an expression).
    private static List<JsonObject> AlarmsOf(string function, string metric) => Synth.OfType("AWS::CloudWatch::Alarm")
        .Select(a => a.Properties)
        .Where(a => a.ToJsonString().Contains($"\"MetricName\":\"{metric}\"", StringComparison.Ordinal)
            && a.ToJsonString().Contains($"{{\"Ref\":\"{function}\"}}", StringComparison.Ordinal))
        .ToList();
}
