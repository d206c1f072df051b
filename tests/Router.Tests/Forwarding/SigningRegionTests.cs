using MultiModel.Router.Forwarding;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Tests.Forwarding;

public sealed class SigningRegionTests
{
    [Theory]
    [InlineData("https://abc123.lambda-url.eu-west-1.on.aws", null, "us-east-2", "eu-west-1")]    // From the function URL's host
    [InlineData("https://abc123.lambda-url.eu-west-1.on.aws", "ap-south-1", null, "ap-south-1")] // The rule's own region wins
    [InlineData("http://localhost:5000", null, "us-east-2", "us-east-2")]                         // Router:Region otherwise
    public void Resolve_TargetAndSettings_PicksMostSpecificRegion(string url, string? ruleRegion, string? configured, string expected)
    {
        var target = new RuleTarget(new Uri(url), 1, TimeSpan.FromSeconds(1), TargetAuth.Iam, ruleRegion);

        Assert.Equal(expected, SigningRegion.Resolve(target, configured));
    }
}
