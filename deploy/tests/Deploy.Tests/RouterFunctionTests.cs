namespace MultiModel.Deploy.Tests;

public sealed class RouterFunctionTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    [Fact]
    public void Router_Environment_PollsTheRulesPathAndDefaultsToTheSharedModelHostWithIam()
    {
        var variables = Synth.Properties(Synth.Stack.Router.Function)["Environment"]!["Variables"]!.AsObject();
        Assert.Equal("Ssm", variables["Router__Rules__Source"]!.GetValue<string>());
        Assert.Equal("/multimodel/routes", variables["Router__Rules__SsmPath"]!.GetValue<string>());
        Assert.Equal("00:00:30", variables["Router__Rules__PollInterval"]!.GetValue<string>());
        Assert.Equal($$"""{"Fn::GetAtt":["{{Synth.LogicalId(Synth.Stack.ModelHost.Url!)}}","FunctionUrl"]}""", variables["Router__DefaultTarget"]!.ToJsonString());
        Assert.Equal("Iam", variables["Router__DefaultTargetAuth"]!.GetValue<string>());
        Assert.Equal(5, variables.Count);
    }

    [Fact]
    public void Router_NoDefaultTarget_LeavesUnmatchedModelsTo404()
    {
        var synth = SynthesizedStack.Synthesize(TestConfigs.Default() with { RouterDefaultTarget = "" });
        var variables = synth.Properties(synth.Stack.Router.Function)["Environment"]!["Variables"]!.AsObject();
        Assert.False(variables.ContainsKey("Router__DefaultTarget"));
        Assert.False(variables.ContainsKey("Router__DefaultTargetAuth"));
    }

    [Fact]
    public void Router_Sizes_ComeFromStackParameters()
    {
        var router = Synth.Properties(Synth.Stack.Router.Function);
        Assert.Equal("""{"Ref":"RouterMemoryMb"}""", router["MemorySize"]!.ToJsonString());
        Assert.Equal("""{"Ref":"RouterTimeoutSeconds"}""", router["Timeout"]!.ToJsonString());
    }
}
