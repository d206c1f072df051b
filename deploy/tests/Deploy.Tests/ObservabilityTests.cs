using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MultiModel.Deploy.Tests;

public sealed partial class ObservabilityTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    [Fact]
    public void Functions_Logs_GoToTheirOwnLogGroupWithConfiguredRetention()
    {
        var groups = Synth.OfType("AWS::Logs::LogGroup").ToList();
        Assert.Equal(4, groups.Count); // ModelHost, fraud, Router, advancer
        Assert.All(groups, g => Assert.Equal(30, g.Properties["RetentionInDays"]!.GetValue<int>()));

        var referenced = Synth.OfType("AWS::Lambda::Function")
            .Select(f => f.Properties["LoggingConfig"]!["LogGroup"]!["Ref"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(groups.Select(g => g.Id).Order(StringComparer.Ordinal), referenced);
    }

    [Fact]
    public void Functions_Alarms_CoverErrorsThrottlesAndP99DurationForEachFunction()
    {
        var alarms = Synth.OfType("AWS::CloudWatch::Alarm").Where(a => a.Properties["Namespace"]?.GetValue<string>() == "AWS/Lambda").ToList();
        foreach (var function in Synth.OfType("AWS::Lambda::Function").Select(f => f.Id))
        {
            var mine = alarms.Where(a => a.Properties["Dimensions"]![0]!["Value"]!["Ref"]!.GetValue<string>() == function).ToList();
            Assert.Equal(3, mine.Count);
            var errors = Assert.Single(mine, a => a.Properties["MetricName"]!.GetValue<string>() == "Errors");
            Assert.Equal("Sum", errors.Properties["Statistic"]!.GetValue<string>());
            Assert.Equal(1, errors.Properties["Threshold"]!.GetValue<int>());
            var throttles = Assert.Single(mine, a => a.Properties["MetricName"]!.GetValue<string>() == "Throttles");
            Assert.Equal(1, throttles.Properties["Threshold"]!.GetValue<int>());
            var duration = Assert.Single(mine, a => a.Properties["MetricName"]!.GetValue<string>() == "Duration");
            Assert.Equal("p99", duration.Properties["ExtendedStatistic"]!.GetValue<string>());
            // The advancer's is tied to its own timeout: a p99 near it means rollbacks about to fail.
            Assert.Equal(function == Synth.LogicalId(Synth.Stack.Advancer!.Function) ? "48000" : """{"Ref":"P99DurationAlarmMs"}""",
                duration.Properties["Threshold"]!.ToJsonString());
            Assert.All(mine, a => Assert.Null(a.Properties["AlarmActions"]));
        }
    }

    [Fact]
    public void Metrics_EveryNameTheAlarmsAndDashboardRead_IsInAnAppsEmfContract()
    {
        // What the apps write on Lambda: a name the stack reads that no contract has would be an alarm that never sees data.
        var contracts = File.ReadAllText(RepositoryPaths.Of("src/ModelHost/Hosting/ModelHostEmf.cs"))
            + File.ReadAllText(RepositoryPaths.Of("src/Router/RouterEmf.cs"));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var metric in Descendants(Synth.Resources).Where(o => o["Namespace"]?.GetValue<string>() == "MultiModel"))
        {
            names.Add(metric["MetricName"]!.GetValue<string>());
        }

        foreach (var metrics in Synth.DashboardBody()["widgets"]!.AsArray().Select(w => w!["properties"]?["metrics"]).OfType<JsonArray>())
        {
            foreach (var line in metrics.Select(m => m!.AsArray()))
            {
                if (line[0] is JsonValue first && first.GetValue<string>() == "MultiModel")
                {
                    names.Add(line[1]!.GetValue<string>());
                }

                foreach (Match search in MetricNameInSearch().Matches((line[^1] as JsonObject)?["expression"]?.GetValue<string>() ?? ""))
                {
                    names.Add(search.Groups[1].Value);
                }
            }
        }

        Assert.Contains("CandidatePredictions", names);
        Assert.Contains("RulesAge", names);
        Assert.All(names, name => Assert.Contains($"\"{name}\"", contracts, StringComparison.Ordinal));
    }

    [Fact]
    public void Alarms_WithTopicConfigured_NotifyIt()
    {
        const string topic = "arn:aws:sns:us-east-1:111122223333:oncall";
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { AlarmTopicArn = topic });

        var alarms = synth.OfType("AWS::CloudWatch::Alarm").ToList();
        // 3 per function (two ModelHosts, Router, advancer); memory and drift per ModelHost; errors and latency per listed model.
        Assert.Equal(12 + 4 + 6, alarms.Count);
        Assert.All(alarms, a => Assert.Equal($"[\"{topic}\"]", a.Properties["AlarmActions"]!.ToJsonString()));
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Descendants).Prepend(o),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    [GeneratedRegex("MetricName=\"(\\w+)\"")]
    private static partial Regex MetricNameInSearch();
}
