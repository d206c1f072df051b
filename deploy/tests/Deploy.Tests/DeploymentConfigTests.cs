using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Tests;

public sealed class DeploymentConfigTests
{
    [Fact]
    public void Load_ShippedMultimodelJson_IsValid()
    {
        var config = DeploymentConfigLoader.Load(RepositoryPaths.Of("deploy/multimodel.json"));
        Assert.Equal(DeploymentConfig.SharedFunctionName, config.ModelHost.Name);
    }

    [Fact]
    public void Load_ShippedMultimodelJson_Synthesizes()
    {
        var synth = SynthesizedStack.Synthesize(DeploymentConfigLoader.Load(RepositoryPaths.Of("deploy/multimodel.json")));
        Assert.NotEmpty(synth.OfType("AWS::Lambda::Function"));
    }

    [Fact]
    public void Load_ShippedMultimodelJson_NamesOnlyTheSampleModelsTheDocsSayToUpload()
    {
        // Issue 21: the shipped file named a model ('fraud') that nothing puts in a new bucket.
        var config = DeploymentConfigLoader.Load(RepositoryPaths.Of("deploy/multimodel.json"));
        var samples = Directory.GetDirectories(RepositoryPaths.Of("src/ModelHost/SampleModels")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var named = config.IsolatedFunctions.Prepend(config.ModelHost)
            .SelectMany(f => f.Models.Concat(f.Warmup?.Models ?? []))
            .Concat(config.Routes.Select(r => r.Rule["match"]?["exact"]?.GetValue<string>()).OfType<string>());
        Assert.All(named, model => Assert.Contains(model, samples));

        var docs = File.ReadAllText(RepositoryPaths.Of("docs/deploy.md"));
        Assert.Contains($"aws s3 sync src/ModelHost/SampleModels s3://$BUCKET/{config.ModelPrefix}", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltKey_IsRejectedNotIgnored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeploymentConfigLoader.Parse("""{"architecure":"arm64"}"""));
        Assert.Contains("architecure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DeploymentConfigLoader.Parse("""{"architecture":"sparc","modelPrefix":"models","logRetentionDays":42}"""));
        Assert.Contains("architecture 'sparc'", error.Message, StringComparison.Ordinal);
        Assert.Contains("modelPrefix 'models'", error.Message, StringComparison.Ordinal);
        Assert.Contains("logRetentionDays 42", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"routerUrlAuth":"PUBLIC"}""", "routerUrlAuth")]
    [InlineData("""{"rulesPath":"/multimodel/routes/"}""", "rulesPath")]
    [InlineData("""{"rulesPollInterval":"soon"}""", "rulesPollInterval")]
    [InlineData("""{"modelPrefix":"*/"}""", "modelPrefix")]
    [InlineData("""{"alarmTopicArn":"oncall"}""", "alarmTopicArn")]
    [InlineData("""{"modelHost":{"name":"main"}}""", "modelHost.name must be 'shared'")]
    [InlineData("""{"modelHost":{"memoryMb":64}}""", "modelHost.memoryMb 64")]
    [InlineData("""{"modelHost":{"ephemeralStorageMb":20000}}""", "modelHost.ephemeralStorageMb")]
    [InlineData("""{"modelHost":{"timeoutSeconds":901}}""", "modelHost.timeoutSeconds")]
    [InlineData("""{"modelHost":{"provisionedConcurrency":-1}}""", "provisionedConcurrency")]
    [InlineData("""{"modelHost":{"models":["a/b"]}}""", "model id 'a/b'")]
    [InlineData("""{"modelHost":{"models":["*"]}}""", "model id '*'")]
    [InlineData("""{"modelHost":{"models":["a..b"]}}""", "model id 'a..b' must be 1 to 128 letters")]
    [InlineData("""{"modelHost":{"warmup":{"schedule":"every 5 minutes"},"models":["iris"]}}""", "warmup.schedule")]
    [InlineData("""{"modelHost":{"warmup":{}}}""", "warmup has no models")]
    [InlineData("""{"isolatedFunctions":[{"name":"fraud"}]}""", "must name at least one model")]
    [InlineData("""{"isolatedFunctions":[{"name":"Fraud","models":["f"]}]}""", "isolatedFunctions[0].name 'Fraud'")]
    [InlineData("""{"isolatedFunctions":[{"name":"shared","models":["f"]}]}""", "used twice")]
    [InlineData("""{"isolatedFunctions":[{"name":"a","models":["f"]},{"name":"a","models":["g"]}]}""", "isolatedFunctions[1].name 'a' is used twice")]
    [InlineData("""{"isolatedFunctions":[{"name":"a","models":["f"],"warmup":{"models":["g"]}}]}""", "'g' is not one of this function's models")]
    [InlineData("""{"routerDefaultTarget":"nope"}""", "routerDefaultTarget 'nope'")]
    [InlineData("""{"routes":[{"name":"r","rule":{"targets":[]}}]}""", "targets must be a non-empty array")]
    [InlineData("""{"routes":[{"name":"r","rule":{"targets":[{"function":"nope"}]}}]}""", "function 'nope'")]
    [InlineData("""{"routes":[{"name":"r","rule":{"targets":[{"function":"shared","url":"http://x/"}]}}]}""", "exactly one of")]
    [InlineData("""{"routes":[{"name":"r","rule":{"targets":[{"url":"http://x/"}]}},{"name":"r","rule":{"targets":[{"url":"http://y/"}]}}]}""", "routes[1].name 'r' is used twice")]
    [InlineData("""{"modelPrefix":""}""", "modelPrefix '' must be non-empty")]
    [InlineData("""{"rulesPath":""}""", "rulesPath ''")]
    [InlineData("""{"alarmTopicArn":""}""", "alarmTopicArn ''")]
    [InlineData("""{"isolatedFunctions":[{"models":["f"]}]}""", "isolatedFunctions[0].name '' must be 1-32")]
    [InlineData("""{"routes":[{"rule":{"targets":[{"url":"http://x/"}]}}]}""", "routes[0].name '' must be 1-32")]
    [InlineData("""{"modelHost":{"warmup":{"schedule":"rate(5 minutes"},"models":["iris"]}}""", "modelHost.warmup.schedule 'rate(5 minutes'")]
    [InlineData("""{"modelHost":{"warmup":{"models":["a*"]},"models":["iris"]}}""", "model id 'a*'")]
    [InlineData("""{"isolatedFunctions":[{"name":"a","models":["f"],"memoryMb":20000}]}""", "isolatedFunctions[0].memoryMb 20000 must be between 128 and 10240")]
    [InlineData("""{"routes":[{"name":"r","rule":{}}]}""", "routes[0].rule.targets must be a non-empty array")]
    [InlineData("""{"routes":[{"name":"r","rule":{"targets":[{}]}}]}""", "routes[0].rule.targets[0] must have exactly one of")]
    [InlineData("""{"rollouts":{"schedule":"every minute"}}""", "rollouts.schedule 'every minute' must be an EventBridge")]
    [InlineData("""{"rollouts":{"alarmMinRequests":0}}""", "rollouts.alarmMinRequests 0 must be between 1 and 1000000")]
    [InlineData("""{"rollouts":{"advancer":"yes"}}""", "rollouts.advancer")]
    [InlineData("""{"modelHost":{"models":["m"]},"isolatedFunctions":[{"name":"a","models":["m"]},{"name":"b","models":["m"]},{"name":"c","models":["m"]}]}""",
        "model 'm' is listed by 4 functions; at most 3")]
    public void Parse_InvalidSetting_NamesTheSetting(string json, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeploymentConfigLoader.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MinimalDocument_UsesSafeDefaults()
    {
        var config = DeploymentConfigLoader.Parse("{}");
        Assert.Equal("arm64", config.Architecture);
        Assert.Equal("models/", config.ModelPrefix);
        Assert.Equal("AWS_IAM", config.RouterUrlAuth);
        Assert.Empty(config.IsolatedFunctions);
        Assert.True(config.Rollouts.Advancer);
        Assert.Equal("rate(1 minute)", config.Rollouts.Schedule);
        Assert.Equal(20, config.Rollouts.AlarmMinRequests);
    }
}
