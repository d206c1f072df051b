using Microsoft.AspNetCore.Http.HttpResults;
using MultiModel.ModelHost.Hosting;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Liveness and readiness, at our paths and at the Open Inference Protocol's. Bodies are JSON with the status code
/// doing the talking, which suits both Triton-style (status only) and KServe-style ({"ready": true}) clients.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("").WithTags("Health");
        foreach (var prefix in new[] { "/health", "/v2/health" })
        {
            health.MapGet($"{prefix}/live", () => TypedResults.Ok(new LiveStatus(true)));
            health.MapGet($"{prefix}/ready", Ready);
        }

        return app;
    }

    private static JsonHttpResult<ReadyStatus> Ready(Readiness readiness) =>
        TypedResults.Json(new ReadyStatus(readiness.IsReady), statusCode: readiness.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
}

public sealed record LiveStatus(bool Live);

public sealed record ReadyStatus(bool Ready);
