using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Tests.Gateway;

/// <summary>The stacks the gateway tests read, each synthesized once: the shipped example, and its variants.</summary>
internal static class GatewayStacks
{
    private static readonly Lazy<SynthesizedStack> ExampleStack = new(() => SynthesizedStack.Synthesize(ExampleConfig()));
    private static readonly Lazy<SynthesizedStack> SharedIamStack = new(() => SynthesizedStack.Synthesize(SharedIamConfig()));

    /// <summary>deploy/examples/api-gateway.json: every part on, in front of the Router, API keys for two clients.</summary>
    public static SynthesizedStack Example => ExampleStack.Value;

    /// <summary>In front of the shared ModelHost, IAM auth, no edge validation, the Router sending nothing to the shared function.</summary>
    public static SynthesizedStack SharedTargetWithIam => SharedIamStack.Value;

    public static DeploymentConfig ExampleConfig() => DeploymentConfigLoader.Load(RepositoryPaths.Of("deploy/examples/api-gateway.json"));

    public static DeploymentConfig SharedIamConfig() => TestConfigs.Default() with
    {
        RouterDefaultTarget = "fraud",
        ApiGateway = new ApiGatewayConfig { Target = "shared", Auth = "IAM", ValidateRequests = false },
    };
}
