using System.Text.Json.Nodes;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Tests;

internal static class TestConfigs
{
    /// <summary>A shared ModelHost with warm-up, one isolated function, a route to it and a route to a plain URL.</summary>
    public static DeploymentConfig Default() => new()
    {
        Architecture = "arm64",
        ModelPrefix = "models/",
        RulesPath = "/multimodel/routes",
        LogRetentionDays = 30,
        ModelHost = new ModelFunctionConfig
        {
            Name = DeploymentConfig.SharedFunctionName,
            Models = ["iris"],
            Warmup = new WarmupConfig { Schedule = "rate(5 minutes)" },
        },
        IsolatedFunctions =
        [
            new ModelFunctionConfig { Name = "fraud", Models = ["fraud", "fraud-v2"], MemoryMb = 2048, TimeoutSeconds = 60 },
        ],
        Routes =
        [
            new RouteConfig
            {
                Name = "fraud",
                Rule = JsonNode.Parse("""{"match":{"exact":"fraud"},"targets":[{"function":"fraud","weight":100,"timeout":"00:00:10"}]}""")!.AsObject(),
            },
            new RouteConfig
            {
                Name = "external",
                Rule = JsonNode.Parse("""{"match":{"prefix":"ext-"},"targets":[{"url":"http://10.0.0.1:8080/","weight":100,"auth":"none"}]}""")!.AsObject(),
            },
        ],
    };
}
