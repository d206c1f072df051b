using System.Text.Json.Nodes;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SSM;
using Constructs;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// Writes each configured rule as one String parameter under the rules path. A target naming a function of this
/// stack gets that function's URL, known only at deploy time, and IAM auth.
/// </summary>
internal sealed class RoutingRules : Construct
{
    public RoutingRules(Construct scope, string id, string rulesPath, IReadOnlyList<RouteConfig> routes,
        IReadOnlyDictionary<string, IFunctionUrl> functionUrls)
        : base(scope, id)
    {
        foreach (var route in routes)
        {
            var parameter = new StringParameter(this, route.Name, new StringParameterProps
            {
                ParameterName = $"{rulesPath}/{route.Name}",
                StringValue = Resolve(route.Rule, functionUrls).ToJsonString(),
                Description = $"MultiModel routing rule '{route.Name}' (seeded by the stack; edit with aws ssm put-parameter)",
                Tier = ParameterTier.STANDARD,
            });
            Parameters.Add(parameter);
        }
    }

    public List<StringParameter> Parameters { get; } = [];

    internal static JsonObject Resolve(JsonObject rule, IReadOnlyDictionary<string, IFunctionUrl> functionUrls)
    {
        var copy = (JsonObject)rule.DeepClone();
        foreach (var target in copy["targets"]!.AsArray().OfType<JsonObject>())
        {
            if (target["function"]?.GetValue<string>() is not { } function)
            {
                continue;
            }

            target.Remove("function");
            // A token string here; CloudFormation substitutes the URL (the token contains no JSON-escaped characters).
            target["url"] = functionUrls[function].Url;
            target["auth"] ??= "iam";
        }

        return copy;
    }
}
