using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Configuration;

/// <summary>Collects every problem at once, so one synth shows the operator all of them.</summary>
internal static partial class DeploymentConfigValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();

    // Model ids become S3 key segments and IAM resource ARNs: no wildcards, no separators.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ModelIdPattern();

    [GeneratedRegex("^(/[A-Za-z0-9_.-]+)+$")]
    private static partial Regex ParameterPathPattern();

    [GeneratedRegex("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*/$")]
    private static partial Regex PrefixPattern();

    public static IReadOnlyList<string> Validate(DeploymentConfig config)
    {
        var errors = new List<string>();

        if (config.Architecture is not ("arm64" or "x86_64"))
        {
            errors.Add($"architecture '{config.Architecture}' must be 'arm64' or 'x86_64'.");
        }

        if (!PrefixPattern().IsMatch(config.ModelPrefix) || config.ModelPrefix.Contains('*', StringComparison.Ordinal))
        {
            errors.Add($"modelPrefix '{config.ModelPrefix}' must be non-empty, end with '/', and contain no '*'.");
        }

        if (!ParameterPathPattern().IsMatch(config.RulesPath))
        {
            errors.Add($"rulesPath '{config.RulesPath}' must look like '/multimodel/routes' (no trailing '/').");
        }

        if (!TimeSpan.TryParse(config.RulesPollInterval, CultureInfo.InvariantCulture, out var poll) || poll <= TimeSpan.Zero)
        {
            errors.Add($"rulesPollInterval '{config.RulesPollInterval}' must be a positive TimeSpan such as '00:00:30'.");
        }

        if (!LogRetentionPeriods.ByDays.ContainsKey(config.LogRetentionDays))
        {
            errors.Add($"logRetentionDays {config.LogRetentionDays} must be one of {string.Join(", ", LogRetentionPeriods.ByDays.Keys)}.");
        }

        if (config.RouterUrlAuth is not ("AWS_IAM" or "NONE"))
        {
            errors.Add($"routerUrlAuth '{config.RouterUrlAuth}' must be 'AWS_IAM' or 'NONE'.");
        }

        if (config.AlarmTopicArn is { } topic && !topic.StartsWith("arn:", StringComparison.Ordinal))
        {
            errors.Add($"alarmTopicArn '{topic}' must be an SNS topic ARN.");
        }

        if (config.ModelHost.Name != DeploymentConfig.SharedFunctionName)
        {
            errors.Add($"modelHost.name must be '{DeploymentConfig.SharedFunctionName}' (or left out).");
        }

        ValidateFunction(config.ModelHost, "modelHost", isolated: false, errors);
        var names = new HashSet<string>(StringComparer.Ordinal) { DeploymentConfig.SharedFunctionName };
        for (var i = 0; i < config.IsolatedFunctions.Count; i++)
        {
            var function = config.IsolatedFunctions[i];
            var where = $"isolatedFunctions[{i}]";
            ValidateFunction(function, where, isolated: true, errors);
            if (!names.Add(function.Name))
            {
                errors.Add($"{where}.name '{function.Name}' is used twice (or is the reserved name of the shared ModelHost).");
            }
        }

        if (config.RouterDefaultTarget.Length > 0 && !names.Contains(config.RouterDefaultTarget))
        {
            errors.Add($"routerDefaultTarget '{config.RouterDefaultTarget}' is not '{DeploymentConfig.SharedFunctionName}', an isolated function, or empty (404).");
        }

        ValidateRoutes(config.Routes, names, errors);
        return errors;
    }

    private static void ValidateFunction(ModelFunctionConfig function, string where, bool isolated, List<string> errors)
    {
        if (!NamePattern().IsMatch(function.Name))
        {
            errors.Add($"{where}.name '{function.Name}' must be 1-32 lower-case letters, digits or dashes.");
        }

        if (isolated && function.Models.Count == 0)
        {
            errors.Add($"{where}.models must name at least one model: an isolated function may read only its own models.");
        }

        foreach (var model in function.Models.Concat(function.Warmup?.Models ?? []))
        {
            if (!ModelIdPattern().IsMatch(model))
            {
                errors.Add($"{where}: model id '{model}' must be letters, digits, '.', '_' or '-' (no '/' or '*').");
            }
        }

        if (isolated)
        {
            foreach (var model in function.Warmup?.Models ?? [])
            {
                if (!function.Models.Contains(model))
                {
                    errors.Add($"{where}.warmup.models: '{model}' is not one of this function's models, so it could not load it.");
                }
            }
        }

        CheckRange(function.MemoryMb, 128, 10240, $"{where}.memoryMb", errors);
        CheckRange(function.EphemeralStorageMb, 512, 10240, $"{where}.ephemeralStorageMb", errors);
        CheckRange(function.TimeoutSeconds, 1, 900, $"{where}.timeoutSeconds", errors);
        if (function.ProvisionedConcurrency < 0)
        {
            errors.Add($"{where}.provisionedConcurrency must be 0 (none) or more.");
        }

        if (function.Warmup is { } warmup)
        {
            var schedule = warmup.Schedule;
            var known = schedule.StartsWith("rate(", StringComparison.Ordinal) || schedule.StartsWith("cron(", StringComparison.Ordinal);
            if (!known || !schedule.EndsWith(')'))
            {
                errors.Add($"{where}.warmup.schedule '{schedule}' must be an EventBridge 'rate(...)' or 'cron(...)' expression.");
            }

            if (function.Models.Count == 0 && warmup.Models.Count == 0)
            {
                errors.Add($"{where}.warmup has no models to prewarm: list them in warmup.models or models.");
            }
        }
    }

    private static void CheckRange(int? value, int min, int max, string name, List<string> errors)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add($"{name} {v} must be between {min} and {max}.");
        }
    }

    private static void ValidateRoutes(IReadOnlyList<RouteConfig> routes, HashSet<string> functions, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var where = $"routes[{i}]";
            if (!NamePattern().IsMatch(route.Name))
            {
                errors.Add($"{where}.name '{route.Name}' must be 1-32 lower-case letters, digits or dashes.");
            }
            else if (!names.Add(route.Name))
            {
                errors.Add($"{where}.name '{route.Name}' is used twice.");
            }

            if (route.Rule["targets"] is not JsonArray targets || targets.Count == 0)
            {
                errors.Add($"{where}.rule.targets must be a non-empty array.");
                continue;
            }

            for (var t = 0; t < targets.Count; t++)
            {
                var target = targets[t] as JsonObject;
                var function = target?["function"]?.GetValue<string>();
                var url = target?["url"];
                if ((function is null) == (url is null))
                {
                    errors.Add($"{where}.rule.targets[{t}] must have exactly one of 'function' (a function of this stack) or 'url'.");
                }
                else if (function is not null && !functions.Contains(function))
                {
                    errors.Add($"{where}.rule.targets[{t}].function '{function}' is not '{DeploymentConfig.SharedFunctionName}' or an isolated function.");
                }
            }
        }
    }
}
