using System.Text.Json.Nodes;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

public sealed class ModelFunctionTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    private static JsonObject Shared => Synth.Properties(Synth.Stack.ModelHost.Function);

    private static JsonObject Fraud => Synth.Properties(Synth.Stack.IsolatedFunctions["fraud"].Function);

    private static string Ref(string name) => new JsonObject { ["Ref"] = name }.ToJsonString();

    [Fact]
    public void SharedFunction_Sizes_ComeFromStackParameters()
    {
        Assert.Equal(Ref("ModelHostMemoryMb"), Shared["MemorySize"]!.ToJsonString());
        Assert.Equal(Ref("ModelHostEphemeralStorageMb"), Shared["EphemeralStorage"]!["Size"]!.ToJsonString());
        Assert.Equal(Ref("ModelHostTimeoutSeconds"), Shared["Timeout"]!.ToJsonString());
    }

    [Fact]
    public void IsolatedFunction_SizesInConfig_OverrideParameters()
    {
        Assert.Equal(2048, Fraud["MemorySize"]!.GetValue<int>());
        Assert.Equal(60, Fraud["Timeout"]!.GetValue<int>());
        Assert.Equal(Ref("ModelHostEphemeralStorageMb"), Fraud["EphemeralStorage"]!["Size"]!.ToJsonString());
    }

    [Fact]
    public void SharedFunction_Environment_MatchesTheModelHostConfigurationContract()
    {
        var variables = Shared["Environment"]!["Variables"]!.AsObject();
        Assert.Equal("S3", variables["ModelHost__Store__Kind"]!.GetValue<string>());
        Assert.Equal(Ref(Synth.LogicalId(Synth.Stack.Models.Bucket)), variables["ModelHost__Store__S3__Bucket"]!.ToJsonString());
        Assert.Equal("models/", variables["ModelHost__Store__S3__Prefix"]!.GetValue<string>());
        Assert.Equal("/tmp/models", variables["ModelHost__DiskCache__Directory"]!.GetValue<string>());
        Assert.Equal(Ref("DiskCacheBudgetMb"), variables["ModelHost__DiskCache__BudgetMegabytes"]!.ToJsonString());
        Assert.Equal("iris", variables["ModelHost__Prewarm__Models__0"]!.GetValue<string>());
        Assert.Equal(7, variables.Count);
    }

    [Fact]
    public void Functions_CacheBudget_IsLeftOutWhenTheParameterIsZero()
    {
        var variable = Shared["Environment"]!["Variables"]![ModelFunction.CacheBudgetVariable]!;
        Assert.Equal("""{"Fn::If":["ModelCacheBudgetSet",{"Ref":"ModelCacheBudgetMb"},{"Ref":"AWS::NoValue"}]}""", variable.ToJsonString());
        Assert.Equal("""{"Fn::Not":[{"Fn::Equals":[{"Ref":"ModelCacheBudgetMb"},"0"]}]}""",
            Synth.Template["Conditions"]!["ModelCacheBudgetSet"]!.ToJsonString());
    }

    [Fact]
    public void IsolatedFunction_Prewarm_ListsEachOfItsModels()
    {
        var variables = Fraud["Environment"]!["Variables"]!.AsObject();
        Assert.Equal("fraud", variables["ModelHost__Prewarm__Models__0"]!.GetValue<string>());
        Assert.Equal("fraud-v2", variables["ModelHost__Prewarm__Models__1"]!.GetValue<string>());
        Assert.False(variables.ContainsKey("ModelHost__Prewarm__Models__2"));
    }

    [Fact]
    public void Functions_Image_IsOneImageWithTheModelHostCommandOrTheRouterOrAdvancerOverride()
    {
        var functions = Synth.OfType("AWS::Lambda::Function").ToList();
        Assert.Equal(4, functions.Count);
        Assert.Single(functions.Select(f => f.Properties["Code"]!["ImageUri"]!.ToJsonString()).Distinct());

        Assert.Equal("""{"Command":["modelhost/ModelHost"],"WorkingDirectory":"/var/task/modelhost"}""", Shared["ImageConfig"]!.ToJsonString());
        Assert.Equal(Shared["ImageConfig"]!.ToJsonString(), Fraud["ImageConfig"]!.ToJsonString());
        var router = Synth.Properties(Synth.Stack.Router.Function);
        Assert.Equal("""{"Command":["router/Router"],"WorkingDirectory":"/var/task/router"}""", router["ImageConfig"]!.ToJsonString());
        var advancer = Synth.Properties(Synth.Stack.Advancer!.Function);
        Assert.Equal("""{"Command":["cli/multimodel"],"WorkingDirectory":"/var/task/cli"}""", advancer["ImageConfig"]!.ToJsonString());
    }

    [Fact]
    public void Functions_Architecture_FollowsConfiguration()
    {
        Assert.All(Synth.OfType("AWS::Lambda::Function"), f => Assert.Equal("""["arm64"]""", f.Properties["Architectures"]!.ToJsonString()));

        var x86 = SynthesizedStack.Synthesize(TestConfigs.Default() with { Architecture = "x86_64" });
        Assert.All(x86.OfType("AWS::Lambda::Function"), f => Assert.Equal("""["x86_64"]""", f.Properties["Architectures"]!.ToJsonString()));
    }

    [Fact]
    public void ImageAsset_Context_HoldsOnlyBuildFilesAndAppSources()
    {
        var files = Synth.AssetFiles;
        Assert.Contains("Dockerfile", files);
        Assert.Contains("scripts/publish.sh", files);
        Assert.Contains("scripts/linux-natives.targets", files);
        Assert.Contains("src/ModelHost/ModelHost.csproj", files);
        Assert.Contains("Directory.Packages.props", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("deploy/", StringComparison.Ordinal) || f.StartsWith("tests/", StringComparison.Ordinal) || f.StartsWith(".git/", StringComparison.Ordinal));
    }
}
