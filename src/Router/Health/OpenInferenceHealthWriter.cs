using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MultiModel.ServiceDefaults;

namespace MultiModel.Router.Health;

/// <summary>
/// The router's own liveness and readiness at the Open Inference Protocol's paths, worded as the ModelHost words them
/// (<c>{"live": true}</c>, <c>{"ready": true}</c>): Triton clients read the status code, KServe clients the body, and
/// both check these before their first inference. Same checks as <c>/health</c>: ready once rules have loaded.
/// </summary>
public static class OpenInferenceHealthWriter
{
    public static HealthResponses Responses { get; } = new(WriteLiveAsync, WriteReadyAsync) { Prefixes = ["/v2/health"] };

    private static Task WriteLiveAsync(HttpContext context, HealthReport report) => WriteAsync(context, "live", report);

    private static Task WriteReadyAsync(HttpContext context, HealthReport report) => WriteAsync(context, "ready", report);

    private static async Task WriteAsync(HttpContext context, string field, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteBoolean(field, report.Status != HealthStatus.Unhealthy);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
