using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// Runs the DataAnnotations attributes and <see cref="IValidatableObject"/> checks of the whole configuration, nested
/// configs and list items included, and collects every problem at once, so one synth shows the operator all of them.
/// Each message names the setting by its JSON path and shows the value it had: the attributes' messages start with
/// <c>{0}</c>, and the display name given to them here is that path and value ("modelHost.memoryMb 64").
/// </summary>
internal static class DeploymentConfigValidator
{
    private const string PathKey = "path";

    public static IReadOnlyList<string> Validate(DeploymentConfig config)
    {
        var errors = new List<string>();
        Validate(config, "", errors);
        return errors;
    }

    /// <summary>The JSON path of the object being validated ("isolatedFunctions[0]"), or of one of its members.</summary>
    public static string PathOf(ValidationContext context, string? member = null) =>
        Join(context.Items.TryGetValue(PathKey, out var path) ? (string?)path ?? "" : "", member);

    private static void Validate(object config, string path, List<string> errors)
    {
        foreach (var property in config.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(config);
            var at = Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var attributes = property.GetCustomAttributes<ValidationAttribute>().ToList();
            if (attributes.Count > 0)
            {
                var context = new ValidationContext(config) { MemberName = property.Name, DisplayName = $"{at} {Describe(value)}" };
                var results = new List<ValidationResult>();
                Validator.TryValidateValue(value!, context, results, attributes);
                errors.AddRange(results.Select(r => r.ErrorMessage!));
            }

            if (IsConfig(value))
            {
                Validate(value!, at, errors);
            }
            else if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (IsConfig(item))
                    {
                        Validate(item!, $"{at}[{index}]", errors);
                    }

                    index++;
                }
            }
        }

        if (config is IValidatableObject validatable)
        {
            var context = new ValidationContext(config, serviceProvider: null, items: new Dictionary<object, object?> { [PathKey] = path });
            errors.AddRange(validatable.Validate(context).Select(r => r.ErrorMessage!));
        }
    }

    /// <summary>
    /// The configuration's own types are validated member by member; anything else (a rule's JSON) is a value. Not a
    /// collection: an array of configs reports their namespace too.
    /// </summary>
    private static bool IsConfig(object? value) =>
        value is not (null or IEnumerable) && value.GetType().Namespace == typeof(DeploymentConfig).Namespace;

    private static string Describe(object? value) => value switch
    {
        null => "(unset)",
        string text => $"'{text}'",
        _ => value.ToString() ?? "",
    };

    private static string Join(string path, string? member) =>
        member is null ? path : path.Length == 0 ? member : $"{path}.{member}";
}
