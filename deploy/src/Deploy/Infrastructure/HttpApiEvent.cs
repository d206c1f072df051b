using System.Text.Json;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// An HTTP API (payload format 2.0) request event, the shape a function URL sends. A scheduled rule that invokes
/// the function directly must send this shape: the hosting layer (AddAWSLambdaHosting with HttpApi) reads the
/// method and path from requestContext.http and the body from body, and would reject anything else.
/// </summary>
internal static class HttpApiEvent
{
    public static Dictionary<string, object> Post(string path, object body) => new()
    {
        ["version"] = "2.0",
        ["routeKey"] = "$default",
        ["rawPath"] = path,
        ["rawQueryString"] = "",
        ["headers"] = new Dictionary<string, object>
        {
            ["content-type"] = "application/json",
            ["user-agent"] = "MultiModel-ScheduledWarmup",
        },
        ["requestContext"] = new Dictionary<string, object>
        {
            ["apiId"] = "scheduled-warmup",
            ["domainName"] = "scheduled-warmup.internal",
            ["requestId"] = "scheduled-warmup",
            ["routeKey"] = "$default",
            ["stage"] = "$default",
            ["http"] = new Dictionary<string, object>
            {
                ["method"] = "POST",
                ["path"] = path,
                ["protocol"] = "HTTP/1.1",
                ["sourceIp"] = "127.0.0.1",
                ["userAgent"] = "MultiModel-ScheduledWarmup",
            },
        },
        ["body"] = JsonSerializer.Serialize(body),
        ["isBase64Encoded"] = false,
    };
}
