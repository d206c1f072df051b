using System.Text.Json;

namespace MultiModel.Cli.Rollouts;

/// <summary>
/// Any JSON as <c>path: value</c> lines, e.g. <c>versions[1].requests.5xx: 3</c>: how status shows a host's figures
/// whose shape it does not know in advance.
/// </summary>
internal static class JsonLines
{
    public static IEnumerable<string> Flatten(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var line in Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"))
                    {
                        yield return line;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var line in Flatten(item, $"{path}[{index++}]"))
                    {
                        yield return line;
                    }
                }

                break;
            default:
                yield return $"{(path.Length == 0 ? "value" : path)}: {(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText())}";
                break;
        }
    }
}
