using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// The operations dashboard as CloudFormation gets it: its body is a JSON document joined from text and references,
/// so the tests resolve the references to their logical ids and read the widgets as CloudWatch will.
/// </summary>
public sealed class DashboardTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;
    private static readonly Lazy<JsonArray> Widgets = new(() => Synth.DashboardBody()["widgets"]!.AsArray());

    [Fact]
    public void Dashboard_OneForTheStack_NamedInAnOutput()
    {
        var dashboard = Assert.Single(Synth.OfType("AWS::CloudWatch::Dashboard"));
        Assert.Equal($$"""{"Ref":"{{dashboard.Id}}"}""", Synth.Template["Outputs"]!["DashboardName"]!["Value"]!.ToJsonString());
    }

    [Theory]
    [InlineData("Prediction latency p99 by model (ms)", "PredictionDuration", "p99")]
    [InlineData("Loads and evictions by model", "ModelLoads", "Sum")]
    [InlineData("Loads and evictions by model", "Evictions", "Sum")]
    [InlineData("Confidence drift by model (PSI)", "ConfidenceDrift", "Maximum")]
    [InlineData("Rollouts: candidate requests and 5xx by model", "CandidatePredictions", "Sum")]
    [InlineData("Rollouts: candidate requests and 5xx by model", "CandidateServerErrors", "Sum")]
    [InlineData("Rollouts: candidates taken out and shadow runs by model", "CandidatesTakenOut", "Sum")]
    [InlineData("Rollouts: candidates taken out and shadow runs by model", "ShadowRuns", "Sum")]
    [InlineData("Rollouts: shadow max abs difference by model", "ShadowMaxAbsDifference", "Maximum")]
    public void ModelHostRows_PerModelGraphs_SearchEveryModelOfTheirOwnFunction(string title, string metric, string statistic)
    {
        foreach (var function in ModelHostFunctions())
        {
            var expressions = ExpressionsOf(WidgetOf(function, title));
            Assert.Contains(
                $"SEARCH('{{MultiModel,FunctionName,ModelId}} FunctionName=\"{{Ref:{function}}}\" MetricName=\"{metric}\"', '{statistic}', 60)",
                expressions);
        }
    }

    [Fact]
    public void ModelHostRows_CacheHitRatio_IsHitsOverHitsPlusMissesOfTheFunction()
    {
        foreach (var function in ModelHostFunctions())
        {
            var widget = WidgetOf(function, "Cache hit ratio (%)");
            Assert.Contains("100 * hits / (hits + misses)", ExpressionsOf(widget));
            var metrics = MetricsOf(widget);
            Assert.Contains(metrics, m => m.SequenceEqual(["MultiModel", "CacheHits", "FunctionName", $"{{Ref:{function}}}"]));
            Assert.Contains(metrics, m => m.SequenceEqual(["MultiModel", "CacheMisses", "FunctionName", $"{{Ref:{function}}}"]));
        }
    }

    [Fact]
    public void ModelHostRows_Memory_IsShownAgainstTheFunctionsOwnSize()
    {
        // The shared function's size is the stack parameter; the isolated one sets 2048 MB in its configuration.
        var sizes = new Dictionary<string, string>
        {
            [Synth.LogicalId(Synth.Stack.ModelHost.Function)] = "{Ref:ModelHostMemoryMb}",
            [Synth.LogicalId(Synth.Stack.IsolatedFunctions["fraud"].Function)] = "2048",
        };
        foreach (var (function, size) in sizes)
        {
            var widget = WidgetOf(function, "Memory (% of the function's size)");
            Assert.Contains($"100 * residentmemory / (1048576 * {size})", ExpressionsOf(widget));
            Assert.Contains($"100 * cachememorylimit / (1048576 * {size})", ExpressionsOf(widget));
            Assert.Equal("{Ref:MemoryAlarmPercent}", widget["properties"]!["annotations"]!["horizontal"]![0]!["value"]!.ToString());
        }
    }

    [Fact]
    public void CandidateAlarms_OneStatusWidget_ShowsEveryCandidateAlarm()
    {
        var widget = Assert.Single(Widgets.Value.Select(w => w!.AsObject()), w => w["type"]!.GetValue<string>() == "alarm");
        var expected = Synth.Stack.CandidateAlarms.Values
            .SelectMany(a => new[] { a.Errors, a.Latency })
            .Select(alarm => $"{{GetAtt:{Synth.LogicalId(alarm)}.Arn}}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, widget["properties"]!["alarms"]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RouterRow_GraphsRequestsLatencyAndRulesAgeOfTheRouter()
    {
        var router = Synth.LogicalId(Synth.Stack.Router.Function);
        Assert.Contains(
            $"SEARCH('{{MultiModel,FunctionName,Rule}} FunctionName=\"{{Ref:{router}}}\" MetricName=\"UpstreamDuration\"', 'p99', 60)",
            ExpressionsOf(WidgetOf(router, "Upstream latency p99 by rule (ms)")));
        Assert.Contains(MetricsOf(WidgetOf(router, "Rules age (s) and rule-source failures")),
            m => m.SequenceEqual(["MultiModel", "RulesAge", "FunctionName", $"{{Ref:{router}}}"]));
    }

    private static IEnumerable<string> ModelHostFunctions() =>
        Synth.Stack.IsolatedFunctions.Values.Prepend(Synth.Stack.ModelHost).Select(f => Synth.LogicalId(f.Function));

    // The widget with this title whose metrics or expressions name the function.
    private static JsonObject WidgetOf(string function, string title) => Assert.Single(
        Widgets.Value.Select(w => w!.AsObject()),
        w => w["properties"]?["title"]?.GetValue<string>() == title && w.ToJsonString().Contains($"{{Ref:{function}}}", StringComparison.Ordinal));

    private static List<string> ExpressionsOf(JsonObject widget) =>
        widget["properties"]!["metrics"]!.AsArray()
            .Select(m => m!.AsArray().Last()!["expression"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

    // Plain metrics are arrays [namespace, name, dimension, value, ..., {options}].
    private static List<string[]> MetricsOf(JsonObject widget) =>
        widget["properties"]!["metrics"]!.AsArray()
            .Select(m => m!.AsArray().Where(part => part is JsonValue).Select(part => part!.GetValue<string>()).ToArray())
            .Where(parts => parts.Length > 0)
            .ToList();
}
