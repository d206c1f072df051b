using System.Text;
using System.Text.Json;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Reads golden samples: JSON Lines, one <c>{"inputs": {...}, "expected": {"&lt;output&gt;": [...]}, "tolerance": 1e-4}</c>
/// per line, whose inputs are a request in the host's own format (what a caller sends to <c>/models/{id}/predict</c>).
/// A line that is not one fails the whole file with its line number (<see cref="InvalidDataException"/>).
/// </summary>
internal static class GoldenSamples
{
    public static IReadOnlyList<InputSet> Read(string path)
    {
        var samples = new List<InputSet>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                samples.Add(Parse(line, $"line {number}", path));
            }
        }

        return samples.Count > 0 ? samples : throw new InvalidDataException($"{path} holds no samples; expected one JSON object per line.");
    }

    private static InputSet Parse(string line, string name, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} {name} has no \"inputs\" object; expected {{\"inputs\": {{...}}, \"expected\": {{...}}, \"tolerance\": 1e-4}}.");
            }

            var request = Encoding.UTF8.GetBytes($$"""{"inputs": {{inputs.GetRawText()}}}""");
            var expected = root.TryGetProperty("expected", out var given) ? ReadExpected(given, name, path) : null;
            var tolerance = root.TryGetProperty("tolerance", out var number) ? ReadTolerance(number, name, path) : InputSet.DefaultTolerance;
            return new InputSet(name, request, expected, tolerance);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} {name} is not valid JSON: {exception.Message}", exception);
        }
    }

    private static Dictionary<string, JsonElement> ReadExpected(JsonElement expected, string name, string path) =>
        expected.ValueKind == JsonValueKind.Object
            ? expected.EnumerateObject().ToDictionary(output => output.Name, output => output.Value.Clone(), StringComparer.Ordinal)
            : throw new InvalidDataException($"{path} {name} has \"expected\" that is not an object of output names to values.");

    private static double ReadTolerance(JsonElement tolerance, string name, string path) =>
        tolerance.ValueKind == JsonValueKind.Number && tolerance.GetDouble() is >= 0 and var value ? value
            : throw new InvalidDataException($"{path} {name} has a \"tolerance\" that is not a number of 0 or more.");
}
