using System.Text.Json.Nodes;
using Amazon.CDK.AWS.APIGateway;

namespace MultiModel.Deploy.Infrastructure.Gateway;

/// <summary>
/// The answers API Gateway gives by itself, before or instead of the function, worded as the apps word theirs
/// (ProblemDetails with a detail that says what to do, and the gateway's request id) and saying the limit that was met
/// where there is one: the request's 10 MB, Lambda's 6 MB event, the 29 s the gateway waits. Gateway response templates
/// allow plain substitution only (no escaping), so the schema's own complaint, which holds quotes, is not put in the
/// body; it is in the access log's validationError under the same request id.
/// </summary>
internal static class GatewayResponses
{
    // jsii names the class ResponseType_ (its member ResponseType holds the type's text).
    public sealed record Answer(ResponseType_ Type, int Status, string Title, string Detail);

    public static IReadOnlyList<Answer> All { get; } =
    [
        new(ResponseType_.BAD_REQUEST_BODY, 400, "Request body refused at the gateway",
            "The body does not have the shape of the route's request: native predict takes {\"inputs\": {\"<name>\": <value>, ...}, \"outputs\"?: [\"<name>\", ...]}; " +
            "Open Inference infer takes {\"inputs\": [{\"name\", \"datatype\", \"shape\", \"data\"}], \"outputs\"?: [{\"name\"}]} (send binary tensor data as application/octet-stream). " +
            "The schema's complaint is in the API's access log (validationError) under this requestId."),
        new(ResponseType_.REQUEST_TOO_LARGE, 413, "Request too large for API Gateway",
            "API Gateway takes at most 10 MB per request, and the function behind it at most 6 MB (binary data travels base64-encoded, so about 4.5 MB of it). Send fewer rows per request."),
        new(ResponseType_.INTEGRATION_TIMEOUT, 504, "The model did not answer in time",
            "API Gateway waits 29 seconds for the function. A model's first load can take longer: retry shortly (it will be cached), or prewarm it (docs/deploy.md)."),
        new(ResponseType_.INTEGRATION_FAILURE, 502, "The function could not be invoked",
            "The most common cause is a request body between Lambda's 6 MB event limit and the gateway's 10 MB (binary data counts base64-encoded, 4/3 of its size): send fewer rows per request."),
        new(ResponseType_.THROTTLED, 429, "Too many requests",
            "Over your usage plan's rate or burst, or the API's: retry with backoff."),
        new(ResponseType_.QUOTA_EXCEEDED, 429, "Quota used up",
            "Your usage plan's quota for this period is used up; it resets at the start of the next period."),
        new(ResponseType_.INVALID_API_KEY, 403, "Invalid API key",
            "Send your client's API key in the x-api-key header."),
        new(ResponseType_.MISSING_AUTHENTICATION_TOKEN, 403, "No such route, or not signed",
            "The API serves GET /models/{id}[/versions/{v}], POST /models/{id}[/versions/{v}]/predict, GET /v2 and /v2/models/{name}[/versions/{v}][/ready|/config|/stats], POST .../infer; with IAM auth every request must be SigV4-signed for execute-api."),
    ];

    public static void AddTo(RestApi api)
    {
        foreach (var answer in All)
        {
            api.AddGatewayResponse(answer.Type.ResponseType, new GatewayResponseOptions
            {
                Type = answer.Type,
                StatusCode = answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ResponseHeaders = new Dictionary<string, string> { ["Content-Type"] = "'application/problem+json'" },
                Templates = new Dictionary<string, string> { ["application/json"] = Template(answer) },
            });
        }
    }

    /// <summary>The body, with the gateway's request id substituted in (the one in the access log).</summary>
    public static string Template(Answer answer) => new JsonObject
    {
        ["title"] = answer.Title,
        ["status"] = answer.Status,
        ["detail"] = answer.Detail,
        ["requestId"] = "$context.requestId",
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
