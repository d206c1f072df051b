using Amazon.CDK;
using Amazon.CDK.Assertions;
using StackAnnotations = Amazon.CDK.Assertions.Annotations;
using MultiModel.Deploy.Configuration;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// `cdk synth` writes the template even when a construct leaves a warning (it prints `WARNING [object Object]` when the
/// message holds a token), so a warning is a failure here. <see cref="SynthesizedStack.Synthesize"/> checks every
/// synthesis the tests make; these tests name the check and run it through CDK's own assertions API.
/// </summary>
public sealed class SynthesisTests
{
    public static TheoryData<string> Configurations => ["test default", "shipped multimodel.json", "no isolated functions, public router, topic", "examples/api-gateway.json"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Synth_EveryStackOfTheApp_HasNoWarningOrError(string configuration)
    {
        var config = configuration switch
        {
            "test default" => TestConfigs.Default(),
            "shipped multimodel.json" => DeploymentConfigLoader.Load(RepositoryPaths.Of("deploy/multimodel.json")),
            "examples/api-gateway.json" => DeploymentConfigLoader.Load(RepositoryPaths.Of("deploy/examples/api-gateway.json")),
            _ => TestConfigs.Default() with
            {
                IsolatedFunctions = [],
                Routes = [TestConfigs.Default().Routes[1]],
                RouterUrlAuth = "NONE",
                AlarmTopicArn = "arn:aws:sns:us-east-1:111122223333:oncall",
            },
        };
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "multimodel-synth-" + Guid.NewGuid().ToString("N")) });
        try
        {
            _ = new MultiModelStack(app, "Test", config, RepositoryPaths.Root);
            var assembly = app.Synth();

            Assert.NotEmpty(assembly.StacksRecursively);
            var problems = SynthesizedStack.Problems(assembly);
            Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
            foreach (var stack in app.Node.Children.OfType<Stack>())
            {
                Assert.Empty(StackAnnotations.FromStack(stack).FindWarning("*", Match.AnyValue()));
                Assert.Empty(StackAnnotations.FromStack(stack).FindError("*", Match.AnyValue()));
            }
        }
        finally
        {
            Directory.Delete(app.Outdir, recursive: true);
        }
    }
}
