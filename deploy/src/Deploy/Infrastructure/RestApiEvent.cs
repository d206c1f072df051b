using System.Text.Json;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// A REST API (payload 1.0) proxy request event, the shape API Gateway's REST API sends. A scheduled rule that invokes
/// a function behind the REST API (MULTIMODEL_LAMBDA_EVENT_SOURCE=RestApi) must send this shape, as
/// <see cref="HttpApiEvent"/> is the one for every other function.
/// </summary>
internal static class RestApiEvent
{
    public static Dictionary<string, object> Post(string path, object body) => new()
    {
        ["resource"] = path,
        ["path"] = path,
        ["httpMethod"] = "POST",
        ["headers"] = new Dictionary<string, object>
        {
            ["Content-Type"] = "application/json",
            ["User-Agent"] = "MultiModel-ScheduledWarmup",
        },
        ["requestContext"] = new Dictionary<string, object>
        {
            ["apiId"] = "scheduled-warmup",
            ["requestId"] = "scheduled-warmup",
            ["stage"] = "scheduled-warmup",
            ["resourcePath"] = path,
            ["httpMethod"] = "POST",
            ["path"] = path,
            ["identity"] = new Dictionary<string, object> { ["sourceIp"] = "127.0.0.1", ["userAgent"] = "MultiModel-ScheduledWarmup" },
        },
        ["body"] = JsonSerializer.Serialize(body),
        ["isBase64Encoded"] = false,
    };
}
