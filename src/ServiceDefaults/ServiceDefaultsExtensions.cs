using Microsoft.AspNetCore.Routing;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// What the ModelHost and the Router both need, registered and mapped the same way (eShop's ServiceDefaults):
/// structured logging, request ids, ProblemDetails, health checks, and the place where metrics get wired.
/// Middleware order stays in each app's Program.cs, where it can be read.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddStructuredLogging();
        builder.AddServiceMetrics();

        // "+=": an app adds its own customisation (the ModelHost's Open Inference "error" field) beside this one.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails += AddRequestId);
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>The X-Request-Id middleware: put it first, so every response and log event of a request carries the id.</summary>
    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.UseMiddleware<RequestIdMiddleware>();

    /// <summary>Liveness and readiness, worded as the app words them, at each of its health prefixes.</summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints, HealthResponses responses)
    {
        foreach (var prefix in responses.Prefixes)
        {
            endpoints.MapHealthEndpoints(prefix, responses);
        }

        return endpoints;
    }

    /// <summary>The id a caller can quote back: the one in X-Request-Id and on every log event of the request.</summary>
    private static void AddRequestId(ProblemDetailsContext context) =>
        context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
}
