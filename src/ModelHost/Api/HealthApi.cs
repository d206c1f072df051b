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
            health.MapGet($"{prefix}/live", () => TypedResults.Ok(new { live = true }));
            health.MapGet($"{prefix}/ready", (Readiness readiness) => readiness.IsReady
                ? Results.Ok(new { ready = true })
                : Results.Json(new { ready = false }, statusCode: StatusCodes.Status503ServiceUnavailable));
        }

        return app;
    }
}
