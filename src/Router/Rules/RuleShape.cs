using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MultiModel.Router.Rules;

/// <summary>
/// Checks a rule's JSON against the fields <see cref="RuleDocument"/> declares (read from the serializer's metadata,
/// so the two cannot drift) and says what is wrong in the rule's own terms: the field, the value given and what is
/// allowed. Every problem is reported, not only the first, and no .NET type name ever reaches the reason.
/// </summary>
public static class RuleShape
{
    private const int ShownValueLength = 40;

    public static void Check(JsonElement element, JsonTypeInfo info, string at, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return; // Same as leaving the field out; the rule's validation says when one is required.
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind != JsonValueKind.Object:
                errors.Add($"{Name(at)} must be an object with {Fields(info)}, not {Shown(element)}");
                break;
            case JsonTypeInfoKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var declared = info.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                    if (declared is null)
                    {
                        errors.Add($"unknown field \"{property.Name}\"{(at.Length == 0 ? "" : $" in {at}")} (allowed: {Fields(info)})");
                    }
                    else
                    {
                        Check(property.Value, info.Options.GetTypeInfo(declared.PropertyType), at.Length == 0 ? declared.Name : $"{at}.{declared.Name}", errors);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind != JsonValueKind.Array:
                errors.Add($"{Name(at)} must be an array [...], not {Shown(element)}");
                break;
            case JsonTypeInfoKind.Enumerable:
                var itemInfo = info.Options.GetTypeInfo(info.ElementType!);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, itemInfo, $"{at}[{index++}]", errors);
                }

                break;
            default:
                var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
                if (type == typeof(string) && element.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{Name(at)} must be a string in quotes, not {Shown(element)}");
                }
                else if (type == typeof(int) && !(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _)))
                {
                    errors.Add($"{Name(at)} must be a whole number, not {Shown(element)}");
                }

                break;
        }
    }

    /// <summary>"at line 2, position 5: ..." from a syntax error, without the reader's internal suffixes.</summary>
    public static string DescribeSyntaxError(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var i and >= 0 ? i : message.IndexOf(" Path:", StringComparison.Ordinal);
        var what = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return exception.LineNumber is { } line
            ? $"at line {line + 1}, position {exception.BytePositionInLine + 1}: {what}"
            : what;
    }

    private static string Name(string at) => at.Length == 0 ? "the rule" : at;

    private static string Fields(JsonTypeInfo info) => string.Join(", ", info.Properties.Select(p => p.Name));

    private static string Shown(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ when element.GetRawText() is var raw && raw.Length > ShownValueLength => raw[..ShownValueLength] + "...",
        _ => element.GetRawText(),
    };
}
