using System.Text.RegularExpressions;
using Amazon.Runtime;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Forwarding;

/// <summary>Which region an IAM target's signature is scoped to.</summary>
public static partial class SigningRegion
{
    /// <summary>
    /// The rule's own region, else the one in a function URL's host (abc.lambda-url.eu-west-1.on.aws), else
    /// Router:Region, else the SDK's (AWS_REGION, which Lambda sets).
    /// </summary>
    public static string? Resolve(RuleTarget target, string? configured)
    {
        if (target.Region is { } explicitRegion)
        {
            return explicitRegion;
        }

        var fromHost = FunctionUrlHost().Match(target.Url.Host);
        if (fromHost.Success)
        {
            return fromHost.Groups["region"].Value;
        }

        return configured ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
    }

    [GeneratedRegex(@"^[a-z0-9]+\.lambda-url\.(?<region>[a-z]{2}(-[a-z]+)+-[0-9])\.on\.aws$")]
    private static partial Regex FunctionUrlHost();
}
