using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// What a deployment contains, decided at synth time (deploy/multimodel.json). Sizes that an operator tunes per
/// environment without editing files (memory, storage, timeout, cache budgets, retention) are CloudFormation
/// parameters instead, see <see cref="Infrastructure.DeployParameters"/>.
/// </summary>
internal sealed record DeploymentConfig : IValidatableObject
{
    private const string PrefixMessage = "{0} must be non-empty, end with '/', and contain no '*'.";
    private const string RulesPathMessage = "{0} must look like '/multimodel/routes' (no trailing '/').";
    private const string TopicMessage = "{0} must be an SNS topic ARN.";

    /// <summary>Lambda architecture and image platform: <c>arm64</c> (cheaper per GB-second) or <c>x86_64</c>.</summary>
    [AllowedValues("arm64", "x86_64", ErrorMessage = "{0} must be 'arm64' or 'x86_64'.")]
    public string Architecture { get; init; } = "arm64";

    /// <summary>Key prefix under which models live: <c>{prefix}{id}/{version}/model.onnx</c>.</summary>
    [Required(ErrorMessage = PrefixMessage)]
    [RegularExpression(@"^[A-Za-z0-9!_.'()-]+(/[A-Za-z0-9!_.'()-]+)*/$", ErrorMessage = PrefixMessage)]
    public string ModelPrefix { get; init; } = "models/";

    /// <summary>Parameter Store path the Router polls; one parameter per rule below it.</summary>
    [Required(ErrorMessage = RulesPathMessage)]
    [RegularExpression("^(/[A-Za-z0-9_.-]+)+$", ErrorMessage = RulesPathMessage)]
    public string RulesPath { get; init; } = "/multimodel/routes";

    /// <summary>How often the Router polls <see cref="RulesPath"/> (TimeSpan format).</summary>
    public string RulesPollInterval { get; init; } = "00:00:30";

    /// <summary>Days every function's log group keeps events; must be a value CloudWatch Logs accepts.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>
    /// Where the Router sends a model no rule matches: a function of this stack (<c>shared</c>, the default, or an
    /// isolated function's name), or empty for 404.
    /// </summary>
    public string RouterDefaultTarget { get; init; } = SharedFunctionName;

    /// <summary>Auth of the Router's own URL: <c>AWS_IAM</c> (default) or <c>NONE</c> for a public endpoint.</summary>
    [AllowedValues("AWS_IAM", "NONE", ErrorMessage = "{0} must be 'AWS_IAM' or 'NONE'.")]
    public string RouterUrlAuth { get; init; } = "AWS_IAM";

    /// <summary>Optional SNS topic every alarm notifies; alarms exist (visible in the console) without it.</summary>
    [MinLength(1, ErrorMessage = TopicMessage)]
    [RegularExpression("^arn:[\\s\\S]*$", ErrorMessage = TopicMessage)]
    public string? AlarmTopicArn { get; init; }

    /// <summary>The shared ModelHost, which serves every model in the prefix; its <c>Models</c> are prewarmed.</summary>
    public ModelFunctionConfig ModelHost { get; init; } = new() { Name = SharedFunctionName };

    /// <summary>Per-model functions: each serves (and may read) only its own models.</summary>
    public IReadOnlyList<ModelFunctionConfig> IsolatedFunctions { get; init; } = [];

    /// <summary>Candidate alarms and the rollout advancer.</summary>
    public RolloutsConfig Rollouts { get; init; } = new();

    /// <summary>Routing rules written to Parameter Store at deploy time.</summary>
    public IReadOnlyList<RouteConfig> Routes { get; init; } = [];

    /// <summary>The API Gateway REST API in front of the Router or the shared ModelHost; null (the default) for none.</summary>
    public ApiGatewayConfig? ApiGateway { get; init; }

    /// <summary>How many functions may list one model (see <see cref="Validate"/>).</summary>
    public const int MaxFunctionsPerModel = 3;

    /// <summary>The name routes use to target the shared ModelHost.</summary>
    public const string SharedFunctionName = "shared";

    /// <summary>The checks that need more than one setting; each setting's own checks are its attributes.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeSpan.TryParse(RulesPollInterval, CultureInfo.InvariantCulture, out var poll) || poll <= TimeSpan.Zero)
        {
            yield return new($"rulesPollInterval '{RulesPollInterval}' must be a positive TimeSpan such as '00:00:30'.");
        }

        if (!LogRetentionPeriods.ByDays.ContainsKey(LogRetentionDays))
        {
            yield return new($"logRetentionDays {LogRetentionDays} must be one of {string.Join(", ", LogRetentionPeriods.ByDays.Keys)}.");
        }

        if (ModelHost.Name != SharedFunctionName)
        {
            yield return new($"modelHost.name must be '{SharedFunctionName}' (or left out).");
        }

        var functions = new HashSet<string>(StringComparer.Ordinal) { SharedFunctionName };
        for (var i = 0; i < IsolatedFunctions.Count; i++)
        {
            foreach (var error in ValidateIsolated(IsolatedFunctions[i], $"isolatedFunctions[{i}]", functions))
            {
                yield return new(error);
            }
        }

        if (RouterDefaultTarget.Length > 0 && !functions.Contains(RouterDefaultTarget))
        {
            yield return new($"routerDefaultTarget '{RouterDefaultTarget}' is not '{SharedFunctionName}', an isolated function, or empty (404).");
        }

        // A model's candidate alarms sum or compare its series over every function that lists it, and a CloudWatch
        // alarm reads at most 10 metrics: the latency alarm takes 3 per function.
        foreach (var (model, count) in IsolatedFunctions.Prepend(ModelHost).SelectMany(f => f.Models.Distinct())
            .CountBy(m => m, StringComparer.Ordinal).Where(m => m.Value > MaxFunctionsPerModel))
        {
            yield return new($"model '{model}' is listed by {count} functions; at most {MaxFunctionsPerModel} may list one model (its candidate alarms read 3 metrics per function, and an alarm reads at most 10).");
        }

        var routeNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Routes.Count; i++)
        {
            if (!routeNames.Add(Routes[i].Name))
            {
                yield return new($"routes[{i}].name '{Routes[i].Name}' is used twice.");
            }

            foreach (var (t, function) in Routes[i].TargetFunctions().Where(f => !functions.Contains(f.Function)))
            {
                yield return new($"routes[{i}].rule.targets[{t}].function '{function}' is not '{SharedFunctionName}' or an isolated function.");
            }
        }

        foreach (var error in ValidateGatewayTarget())
        {
            yield return new(error);
        }
    }

    /// <summary>
    /// The function behind the REST API reads its events only and has no function URL, so nothing else may call it by URL.
    /// </summary>
    private IEnumerable<string> ValidateGatewayTarget()
    {
        if (ApiGateway?.Target == ApiGatewayConfig.RouterTarget && RouterUrlAuth == "NONE")
        {
            yield return "routerUrlAuth 'NONE' cannot be kept with apiGateway.target 'router': the Router then reads REST API events only and has no function URL; leave routerUrlAuth out.";
        }

        if (ApiGateway?.Target != SharedFunctionName)
        {
            yield break;
        }

        if (RouterDefaultTarget == SharedFunctionName)
        {
            yield return $"routerDefaultTarget '{SharedFunctionName}' cannot be kept with apiGateway.target '{SharedFunctionName}': that function then has no function URL for the Router; set routerDefaultTarget to an isolated function or \"\" (404).";
        }

        for (var i = 0; i < Routes.Count; i++)
        {
            foreach (var (t, _) in Routes[i].TargetFunctions().Where(f => f.Function == SharedFunctionName))
            {
                yield return $"routes[{i}].rule.targets[{t}].function '{SharedFunctionName}' cannot be kept with apiGateway.target '{SharedFunctionName}': that function then has no function URL for the Router.";
            }
        }
    }

    /// <summary>An isolated function may read only its own models, and its name must be unique (<paramref name="names"/> collects them).</summary>
    private static IEnumerable<string> ValidateIsolated(ModelFunctionConfig function, string where, HashSet<string> names)
    {
        if (function.Models.Count == 0)
        {
            yield return $"{where}.models must name at least one model: an isolated function may read only its own models.";
        }

        foreach (var model in (function.Warmup?.Models ?? []).Where(m => !function.Models.Contains(m)))
        {
            yield return $"{where}.warmup.models: '{model}' is not one of this function's models, so it could not load it.";
        }

        if (!names.Add(function.Name))
        {
            yield return $"{where}.name '{function.Name}' is used twice (or is the reserved name of the shared ModelHost).";
        }
    }
}
