using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// One routing rule. <see cref="Rule"/> is the Router's own JSON schema (docs/router.md), passed through as is,
/// except that a target may name a function of this stack (<c>"function": "fraud"</c>) instead of a URL: the
/// stack replaces it with that function's URL, which is only known at deploy time, and <c>"auth": "iam"</c>.
/// </summary>
internal sealed class RouteConfig
{
    /// <summary>Parameter name under the rules path; lower-case letters, digits and dashes.</summary>
    public string Name { get; init; } = "";

    public JsonObject Rule { get; init; } = [];
}
