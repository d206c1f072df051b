using System.Text.Json;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// What a function answered a proxy event with, as API Gateway or a function URL turns it back into HTTP: status,
/// headers (the single-valued ones, or else the first of each multi-valued one, which REST API responses may carry
/// instead) and the body's bytes, base64-decoded when <c>isBase64Encoded</c>.
/// </summary>
public sealed record LambdaResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public static LambdaResponse Parse(string json)
    {
        using var response = JsonDocument.Parse(json);
        var root = response.RootElement;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject())
            {
                headers[header.Name] = header.Value.EnumerateArray().First().GetString() ?? "";
            }
        }

        if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in single.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString() ?? "";
            }
        }

        var body = root.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
        var bytes = root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.GetBoolean()
            ? Convert.FromBase64String(body)
            : System.Text.Encoding.UTF8.GetBytes(body);
        return new LambdaResponse(root.GetProperty("statusCode").GetInt32(), headers, bytes);
    }
}
