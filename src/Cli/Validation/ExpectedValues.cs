using System.Text.Json;

namespace MultiModel.Cli.Validation;

/// <summary>
/// A golden sample's expected output as <see cref="OutputValues"/> in the shape of the output it is compared with:
/// nested arrays are flattened in row-major order; a ZipMap's rows are an array of label-to-score objects.
/// </summary>
internal static class ExpectedValues
{
    /// <summary>The expected values, or null with <paramref name="problem"/> saying why they cannot be compared.</summary>
    public static OutputValues? Read(JsonElement expected, OutputValues actual, out string? problem)
    {
        problem = null;
        if (actual.ScoreRows is not null)
        {
            var rows = expected.ValueKind == JsonValueKind.Array && expected.EnumerateArray().All(row => row.ValueKind == JsonValueKind.Object)
                ? expected.EnumerateArray().Select(row => (IReadOnlyDictionary<string, double>)row.EnumerateObject()
                    .ToDictionary(entry => entry.Name, entry => entry.Value.GetDouble(), StringComparer.Ordinal)).ToArray()
                : null;
            problem = rows is null ? "expected an array of label-to-score objects" : null;
            return rows is null ? null : actual with { ScoreRows = rows };
        }

        var flat = new List<JsonElement>();
        Flatten(expected, flat);
        if (flat.Count != actual.Elements)
        {
            problem = $"{flat.Count} expected values for {actual.Elements} returned (shape [{string.Join(", ", actual.Shape)}])";
            return null;
        }

        if (actual.Texts is not null)
        {
            return actual with { Texts = flat.Select(element => element.ToString()).ToArray() };
        }

        if (flat.Any(element => element.ValueKind is not (JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)))
        {
            problem = "expected numbers";
            return null;
        }

        return actual with { Numbers = flat.Select(element => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : element.GetBoolean() ? 1 : 0).ToArray() };
    }

    private static void Flatten(JsonElement element, List<JsonElement> into)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            into.Add(element);
            return;
        }

        foreach (var item in element.EnumerateArray())
        {
            Flatten(item, into);
        }
    }
}
