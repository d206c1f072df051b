using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MultiModel.ServiceDefaults;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Liveness and readiness, at our paths and at the Open Inference Protocol's. Bodies are JSON with the status code
/// doing the talking, which suits both Triton-style (status only) and KServe-style ({"ready": true}) clients.
/// </summary>
public static class HealthApi
{
    public static HealthResponses Responses { get; } = new(WriteLiveAsync, WriteReadyAsync) { Prefixes = ["/health", "/v2/health"] };

    private static Task WriteLiveAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, new LiveStatus(report.Status != HealthStatus.Unhealthy), ApiJsonContext.Default.LiveStatus);

    private static Task WriteReadyAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, new ReadyStatus(report.Status != HealthStatus.Unhealthy), ApiJsonContext.Default.ReadyStatus);

    private static Task WriteAsync<T>(HttpContext context, T body, JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted);
    }
}

public sealed record LiveStatus(bool Live);

public sealed record ReadyStatus(bool Ready);
