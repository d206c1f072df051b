using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// One routing rule. <see cref="Rule"/> is the Router's own JSON schema (docs/router.md), passed through as is,
/// except that a target may name a function of this stack (<c>"function": "fraud"</c>) instead of a URL: the
/// stack replaces it with that function's URL, which is only known at deploy time, and <c>"auth": "iam"</c>.
/// </summary>
internal sealed class RouteConfig : IValidatableObject
{
    /// <summary>Parameter name under the rules path; lower-case letters, digits and dashes.</summary>
    [Required(ErrorMessage = SettingRules.NameMessage)]
    [RegularExpression(SettingRules.NamePattern, ErrorMessage = SettingRules.NameMessage)]
    public string Name { get; init; } = "";

    public JsonObject Rule { get; init; } = [];

    /// <summary>The targets that name a function of this stack, by their index in the rule's targets.</summary>
    public IEnumerable<(int Index, string Function)> TargetFunctions()
    {
        var targets = Rule["targets"] as JsonArray ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            if ((targets[i] as JsonObject)?["function"]?.GetValue<string>() is { } function)
            {
                yield return (i, function);
            }
        }
    }

    /// <summary>The stack's own additions to the rule schema; the Router validates the rest when it reads the rule.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var where = DeploymentConfigValidator.PathOf(validationContext);
        if (Rule["targets"] is not JsonArray targets || targets.Count == 0)
        {
            yield return new($"{where}.rule.targets must be a non-empty array.");
            yield break;
        }

        for (var t = 0; t < targets.Count; t++)
        {
            var target = targets[t] as JsonObject;
            if ((target?["function"] is null) == (target?["url"] is null))
            {
                yield return new($"{where}.rule.targets[{t}] must have exactly one of 'function' (a function of this stack) or 'url'.");
            }
        }
    }
}
