using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Infrastructure.Gateway;

/// <summary>
/// One JSON line per request in the API's access log group: who (API key id, IAM caller, source IP), what (method,
/// resource, path), the outcome (status, bytes, latency at the gateway and in the function), and why the gateway itself
/// refused one (error message and response type, the schema's complaint for a 400 at the edge).
/// </summary>
internal static class ApiAccessLog
{
    public static JsonObject Fields { get; } = new()
    {
        ["requestId"] = "$context.requestId",
        ["extendedRequestId"] = "$context.extendedRequestId",
        ["requestTime"] = "$context.requestTimeEpoch",
        ["httpMethod"] = "$context.httpMethod",
        ["resourcePath"] = "$context.resourcePath",
        ["path"] = "$context.path",
        ["status"] = "$context.status",
        ["responseLength"] = "$context.responseLength",
        ["responseLatencyMs"] = "$context.responseLatency",
        ["integrationLatencyMs"] = "$context.integration.latency",
        ["integrationStatus"] = "$context.integration.status",
        ["apiKeyId"] = "$context.identity.apiKeyId",
        ["caller"] = "$context.identity.caller",
        ["userArn"] = "$context.identity.userArn",
        ["sourceIp"] = "$context.identity.sourceIp",
        ["userAgent"] = "$context.identity.userAgent",
        ["errorMessage"] = "$context.error.message",
        ["errorResponseType"] = "$context.error.responseType",
        ["validationError"] = "$context.error.validationErrorString",
    };

    public static string Format => Fields.ToJsonString();
}
