using System.Text.Json;

namespace MultiModel.Tests.Shared;

/// <summary>
/// Checks a log line against the CloudWatch Embedded Metric Format specification, as CloudWatch Logs would before
/// extracting metrics from it, and reads it back. Linked into the test projects of both apps.
/// </summary>
public static class EmfSpecification
{
    public const int MaxMetricsPerDirective = 100;
    public const int MaxDimensionsPerSet = 30;
    public const int MaxValuesPerMetric = 100;

    // CloudWatch's StandardUnit names: EMF takes no other.
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
        "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None",
    ];

    /// <summary>The line parsed, or an exception saying which rule of the specification it breaks.</summary>
    public static EmfDocument Parse(string line)
    {
        using var json = JsonDocument.Parse(line); // the whole log event is the object: nothing before or after it
        var root = json.RootElement;
        Require(root.ValueKind == JsonValueKind.Object, "the log event is not a JSON object", line);
        Require(root.TryGetProperty("_aws", out var aws) && aws.ValueKind == JsonValueKind.Object, "no _aws object", line);
        var epochMs = aws.TryGetProperty("Timestamp", out var timestamp) && timestamp.TryGetInt64(out var ms) ? ms
            : throw new EmfViolationException("_aws.Timestamp is not an integer", line);
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        Require(age > TimeSpan.FromDays(-1) && age < TimeSpan.FromDays(14), "_aws.Timestamp is not epoch milliseconds of about now", line);
        Require(aws.TryGetProperty("CloudWatchMetrics", out var directives) && directives.ValueKind == JsonValueKind.Array
            && directives.GetArrayLength() > 0, "_aws.CloudWatchMetrics is not a non-empty array", line);

        var dimensionSets = new List<IReadOnlyList<string>>();
        var metrics = new Dictionary<string, (string Unit, JsonElement Value)>(StringComparer.Ordinal);
        string? @namespace = null;
        foreach (var directive in directives.EnumerateArray())
        {
            Require(directive.TryGetProperty("Namespace", out var ns) && ns.GetString() is { Length: > 0 and <= 255 }, "a directive has no Namespace", line);
            @namespace = ns.GetString();
            Require(directive.TryGetProperty("Dimensions", out var sets) && sets.ValueKind == JsonValueKind.Array, "a directive has no Dimensions array", line);
            foreach (var set in sets.EnumerateArray())
            {
                var names = set.EnumerateArray().Select(name => name.GetString()!).ToList();
                Require(names.Count is > 0 and <= MaxDimensionsPerSet, $"a dimension set has {names.Count} dimensions", line);
                foreach (var name in names)
                {
                    Require(root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                        $"dimension '{name}' has no string member at the root", line);
                }

                dimensionSets.Add(names);
            }

            Require(directive.TryGetProperty("Metrics", out var definitions) && definitions.GetArrayLength() is > 0 and <= MaxMetricsPerDirective,
                "a directive's Metrics is empty or over 100", line);
            foreach (var definition in definitions.EnumerateArray())
            {
                var name = definition.GetProperty("Name").GetString()!;
                var unit = definition.TryGetProperty("Unit", out var u) ? u.GetString()! : "None";
                Require(Units.Contains(unit), $"metric '{name}' has unit '{unit}', not a CloudWatch unit", line);
                Require(root.TryGetProperty(name, out var value), $"metric '{name}' has no target member", line);
                RequireMetricValue(name, value, line);
                Require(metrics.TryAdd(name, (unit, value.Clone())), $"metric '{name}' is defined twice", line);
            }
        }

        var members = root.EnumerateObject().Where(member => member.Name != "_aws")
            .ToDictionary(member => member.Name, member => member.Value.Clone(), StringComparer.Ordinal);
        return new EmfDocument(line, @namespace!, epochMs, dimensionSets, metrics, members);
    }

    private static void RequireMetricValue(string name, JsonElement value, string line)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return;
            case JsonValueKind.Array:
                Require(value.GetArrayLength() <= MaxValuesPerMetric && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number),
                    $"metric '{name}' is an array of other than at most 100 numbers", line);
                return;
            case JsonValueKind.Object:
                if (!value.TryGetProperty("Values", out var values) || !value.TryGetProperty("Counts", out var counts))
                {
                    throw new EmfViolationException($"metric '{name}' has no Values and Counts", line);
                }

                Require(values.GetArrayLength() == counts.GetArrayLength() && values.GetArrayLength() is > 0 and <= MaxValuesPerMetric,
                    $"metric '{name}' has {values.GetArrayLength()} values and {counts.GetArrayLength()} counts", line);
                Require(values.EnumerateArray().Concat(counts.EnumerateArray()).All(v => v.ValueKind == JsonValueKind.Number), $"metric '{name}' has a non-number value or count", line);
                foreach (var statistic in new[] { "Max", "Min", "Count", "Sum" })
                {
                    Require(!value.TryGetProperty(statistic, out var s) || s.ValueKind == JsonValueKind.Number, $"metric '{name}'.{statistic} is not a number", line);
                }

                return;
            default:
                throw new EmfViolationException($"metric '{name}' is a {value.ValueKind}, not a number, array or Values/Counts object", line);
        }
    }

    private static void Require(bool condition, string rule, string line)
    {
        if (!condition)
        {
            throw new EmfViolationException(rule, line);
        }
    }
}
