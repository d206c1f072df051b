using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The payload (version 2.0) that API Gateway HTTP APIs and Lambda function URLs send, and the response they expect:
/// <c>{"statusCode", "headers", "body", "isBase64Encoded"}</c>.
/// </summary>
public static class HttpApiEvent
{
    public static string Request(string method, string path, string? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var requestHeaders = new JsonObject { ["host"] = "abc.lambda-url.us-east-1.on.aws", ["user-agent"] = "lambda-tests" };
        if (body is not null)
        {
            requestHeaders["content-type"] = contentType;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            requestHeaders[name.ToLowerInvariant()] = value;
        }

        var request = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = path,
            ["rawQueryString"] = "",
            ["headers"] = requestHeaders,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "000000000000",
                ["apiId"] = "abc",
                ["domainName"] = "abc.lambda-url.us-east-1.on.aws",
                ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "127.0.0.1", ["userAgent"] = "lambda-tests" },
                ["requestId"] = Guid.NewGuid().ToString(),
                ["routeKey"] = "$default",
                ["stage"] = "$default",
                ["time"] = DateTimeOffset.UtcNow.ToString("dd/MMM/yyyy:HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
                ["timeEpoch"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            },
            ["isBase64Encoded"] = false,
        };
        if (body is not null)
        {
            request["body"] = body;
        }

        return request.ToJsonString();
    }

    public static (int Status, IReadOnlyDictionary<string, string> Headers, string Body) Response(string json)
    {
        var response = LambdaResponse.Parse(json);
        return (response.Status, response.Headers, response.Text);
    }
}
