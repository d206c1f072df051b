using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The proxy event (payload 1.0) an API Gateway REST API sends a Lambda integration, as it sends it for the stack's
/// explicit resources: the resource template and its path parameters, the path without the stage, headers both single-
/// and multi-valued, and a body in base64 with <c>isBase64Encoded</c> when its Content-Type is a binary media type.
/// </summary>
public static class RestApiEvent
{
    public const string Stage = "prod";

    /// <param name="resource">The API's resource template, e.g. <c>/models/{id}/predict</c>; <paramref name="path"/> must fit it.</param>
    /// <param name="binary">Whether the gateway treats the body as binary (its Content-Type is one of the binary media types).</param>
    public static string Request(string method, string resource, string path, byte[]? body = null, string? contentType = "application/json",
        bool binary = false, IReadOnlyDictionary<string, string>? headers = null)
    {
        var single = new JsonObject { ["Host"] = "abc123.execute-api.us-east-1.amazonaws.com", ["User-Agent"] = "lambda-tests", ["X-Forwarded-Proto"] = "https" };
        if (body is not null && contentType is not null)
        {
            single["Content-Type"] = contentType;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            single[name] = value;
        }

        var multi = new JsonObject();
        foreach (var (name, value) in single)
        {
            multi[name] = new JsonArray(value!.GetValue<string>());
        }

        return new JsonObject
        {
            ["resource"] = resource,
            ["path"] = path,
            ["httpMethod"] = method,
            ["headers"] = single,
            ["multiValueHeaders"] = multi,
            ["queryStringParameters"] = null,
            ["multiValueQueryStringParameters"] = null,
            ["pathParameters"] = PathParameters(resource, path),
            ["stageVariables"] = null,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "000000000000",
                ["apiId"] = "abc123",
                ["resourcePath"] = resource,
                ["httpMethod"] = method,
                ["path"] = $"/{Stage}{path}",
                ["protocol"] = "HTTP/1.1",
                ["stage"] = Stage,
                ["requestId"] = Guid.NewGuid().ToString(),
                ["requestTimeEpoch"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["identity"] = new JsonObject { ["sourceIp"] = "203.0.113.7", ["userAgent"] = "lambda-tests", ["apiKeyId"] = "key-id" },
            },
            ["body"] = body is null ? null : binary ? Convert.ToBase64String(body) : System.Text.Encoding.UTF8.GetString(body),
            ["isBase64Encoded"] = body is not null && binary,
        }.ToJsonString();
    }

    /// <summary>The values of the template's <c>{name}</c> segments in the path, or null when it has none (as API Gateway sends it).</summary>
    private static JsonObject? PathParameters(string resource, string path)
    {
        var names = resource.Split('/');
        var values = path.Split('/');
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"path '{path}' does not fit the resource '{resource}'");
        }

        var parameters = new JsonObject();
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].StartsWith('{'))
            {
                parameters[names[i].Trim('{', '}')] = Uri.UnescapeDataString(values[i]);
            }
        }

        return parameters.Count > 0 ? parameters : null;
    }
}
