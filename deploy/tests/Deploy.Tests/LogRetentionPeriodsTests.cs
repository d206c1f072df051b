using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

public sealed class LogRetentionPeriodsTests
{
    [Fact]
    public void ByDays_EveryEntry_SynthesizesToThatManyDays()
    {
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "multimodel-retention-" + Guid.NewGuid().ToString("N")) });
        var stack = new Stack(app, "Retention");
        foreach (var (days, retention) in LogRetentionPeriods.ByDays)
        {
            _ = new LogGroup(stack, $"Retention{days}Days", new LogGroupProps { Retention = retention });
        }

        var assembly = app.Synth();
        var template = JsonNode.Parse(File.ReadAllText(assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath))!;
        Directory.Delete(assembly.Directory, recursive: true);
        foreach (var days in LogRetentionPeriods.ByDays.Keys)
        {
            var group = template["Resources"]!.AsObject().Single(r => r.Key.StartsWith($"Retention{days}Days", StringComparison.Ordinal)).Value!;
            Assert.Equal(days, group["Properties"]!["RetentionInDays"]!.GetValue<int>());
        }
    }

    [Fact]
    public void Stack_LogRetentionDays_ReachesEveryLogGroup()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { LogRetentionDays = 365 });
        Assert.All(synth.OfType("AWS::Logs::LogGroup"), g => Assert.Equal(365, g.Properties["RetentionInDays"]!.GetValue<int>()));
    }
}
