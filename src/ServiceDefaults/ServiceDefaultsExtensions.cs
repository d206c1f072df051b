using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// What the ModelHost and the Router both need, registered and mapped the same way (eShop's ServiceDefaults):
/// structured logging, request ids, ProblemDetails, health checks and metrics.
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
        builder.Services.AddSingleton<Lambda.ILambdaWarmup, Lambda.HealthWarmup>();
        builder.Services.TryAddSingleton(Lambda.HostingMode.FromEnvironment());
        // Read on every start, so a wrong value stops any run of the image, not only the first event on Lambda.
        var eventSource = Lambda.LambdaEventSourceSetting.Read(builder.Configuration);
#if LAMBDA_HOSTING
        // A no-op unless AWS_LAMBDA_FUNCTION_NAME is set: one binary for Kestrel locally and Lambda in production.
        // Function URLs and API Gateway HTTP APIs send the 2.0 payload, the stack's REST API the v1 proxy payload; the
        // stack says which (MULTIMODEL_LAMBDA_EVENT_SOURCE). On Lambda the adapter's server is replaced by one that
        // warms the app up inside the init phase.
        if (eventSource == Lambda.LambdaEventSourceKind.RestApi)
        {
            builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
            ReplaceServerOnLambda<Lambda.WarmedRestApiLambdaServer>(builder.Services);
        }
        else
        {
            builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
            ReplaceServerOnLambda<Lambda.WarmedHttpApiLambdaServer>(builder.Services);
        }
#else
        _ = eventSource;
#endif
        return builder;
    }

#if LAMBDA_HOSTING
    private static void ReplaceServerOnLambda<TServer>(IServiceCollection services) where TServer : class, Microsoft.AspNetCore.Hosting.Server.IServer
    {
        if (Lambda.LambdaEnvironment.IsLambda)
        {
            services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.Server.IServer, TServer>());
        }
    }
#endif

    /// <summary>The X-Request-Id middleware: put it first, so every response and log event of a request carries the id.</summary>
    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.UseMiddleware<RequestIdMiddleware>();

    /// <summary>
    /// On Lambda, a response over Lambda's payload limit becomes a 413 that says so, instead of the end of the process
    /// (<see cref="Lambda.LambdaResponseLimitMiddleware"/>); elsewhere nothing is added to the pipeline.
    /// </summary>
    public static IApplicationBuilder UseLambdaResponseLimit(this IApplicationBuilder app) =>
        Lambda.LambdaEnvironment.IsLambda ? app.UseMiddleware<Lambda.LambdaResponseLimitMiddleware>() : app;

    /// <summary>
    /// Liveness and readiness, worded as the app words them, at each of its health prefixes, and the metrics scrape
    /// endpoint when it is on.
    /// </summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints, HealthResponses responses)
    {
        foreach (var prefix in responses.Prefixes)
        {
            endpoints.MapHealthEndpoints(prefix, responses);
        }

        return endpoints.MapMetricsEndpoint();
    }

    /// <summary>The id a caller can quote back: the one in X-Request-Id and on every log event of the request.</summary>
    private static void AddRequestId(ProblemDetailsContext context) =>
        context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
}
