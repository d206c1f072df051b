using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Tests.Gateway;

public sealed class ApiGatewayConfigTests
{
    private const string Client = """{"name":"shop"}""";

    [Fact]
    public void Load_ShippedExample_IsValidAndTurnsEveryPartOn()
    {
        var gateway = GatewayStacks.ExampleConfig().ApiGateway!;

        Assert.Equal(("router", "API_KEY", true), (gateway.Target, gateway.Auth, gateway.ValidateRequests));
        Assert.NotNull(gateway.RateLimit);
        Assert.NotEmpty(gateway.Clients);
        Assert.All(gateway.Clients, c => Assert.NotNull(c.QuotaLimit));
    }

    [Fact]
    public void Load_ShippedExample_NamesOnlyTheSampleModels()
    {
        var config = GatewayStacks.ExampleConfig();
        var samples = Directory.GetDirectories(RepositoryPaths.Of("src/ModelHost/SampleModels")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        Assert.All(config.IsolatedFunctions.Prepend(config.ModelHost).SelectMany(f => f.Models), model => Assert.Contains(model, samples));
    }

    [Theory]
    [InlineData($$$"""{"apiGateway":{"target":"isolated"}}""", "apiGateway.target 'isolated' must be 'router' or 'shared'")]
    [InlineData($$$"""{"apiGateway":{"auth":"COGNITO","clients":[{{{Client}}}]}}""", "apiGateway.auth 'COGNITO' must be 'API_KEY' or 'IAM'")]
    [InlineData("""{"apiGateway":{}}""", "apiGateway.clients must name at least one client when auth is 'API_KEY'")]
    [InlineData($$$"""{"apiGateway":{"auth":"IAM","clients":[{{{Client}}}]}}""", "apiGateway.clients needs auth 'API_KEY'")]
    [InlineData($$$"""{"apiGateway":{"clients":[{{{Client}}},{{{Client}}}]}}""", "apiGateway.clients: the name 'shop' is used twice")]
    [InlineData("""{"apiGateway":{"clients":[{"name":"Shop"}]}}""", "apiGateway.clients[0].name 'Shop' must be 1-32 lower-case")]
    [InlineData("""{"apiGateway":{"clients":[{"name":"shop","rateLimit":0}]}}""", "apiGateway.clients[0].rateLimit 0 must be between")]
    [InlineData("""{"apiGateway":{"clients":[{"name":"shop","quotaPeriod":"YEAR"}]}}""", "apiGateway.clients[0].quotaPeriod 'YEAR' must be 'DAY', 'WEEK' or 'MONTH'")]
    [InlineData($$$"""{"apiGateway":{"stageName":"v1/beta","clients":[{{{Client}}}]}}""", "apiGateway.stageName 'v1/beta' must be 1-64 letters")]
    [InlineData($$$"""{"apiGateway":{"burstLimit":0,"clients":[{{{Client}}}]}}""", "apiGateway.burstLimit 0 must be between")]
    [InlineData($$$"""{"routerUrlAuth":"NONE","apiGateway":{"clients":[{{{Client}}}]}}""", "routerUrlAuth 'NONE' cannot be kept with apiGateway.target 'router'")]
    [InlineData($$$"""{"apiGateway":{"target":"shared","clients":[{{{Client}}}]}}""", "routerDefaultTarget 'shared' cannot be kept with apiGateway.target 'shared'")]
    public void Parse_InvalidGateway_NamesTheSettingAndWhatItMayBe(string json, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeploymentConfigLoader.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedTargetWithARouteToShared_IsRefused()
    {
        var json = $$$"""
            {"routerDefaultTarget":"", "apiGateway":{"target":"shared","clients":[{{{Client}}}]},
             "routes":[{"name":"iris","rule":{"match":{"exact":"iris"},"targets":[{"function":"shared","weight":100}]}}]}
            """;

        var error = Assert.Throws<InvalidOperationException>(() => DeploymentConfigLoader.Parse(json));

        Assert.Contains("routes[0].rule.targets[0].function 'shared' cannot be kept with apiGateway.target 'shared'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedTargetThatNothingRoutesTo_IsValid()
    {
        var config = DeploymentConfigLoader.Parse($$$"""{"routerDefaultTarget":"","apiGateway":{"target":"shared","clients":[{{{Client}}}]}}""");

        Assert.Equal("shared", config.ApiGateway!.Target);
    }
}
