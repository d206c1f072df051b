using Microsoft.AspNetCore.Http.HttpResults;
using MultiModel.Router.Forwarding;
using MultiModel.Router.Rules;
using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router;

/// <summary>
/// The router's own endpoints: the ModelHost's per-model routes (forwarded) and a view of the rules. Health is mapped
/// by the service defaults; the middleware, and the order of it all, are in RouterHostingExtensions.UseRouterPipeline.
/// </summary>
public static class RouterApi
{
    private static readonly string[] ForwardedPrefixes = ["/models", "/v2/models"];

    public static IEndpointRouteBuilder MapRouterApi(this IEndpointRouteBuilder app)
    {
        // Every method and sub-path under a model: the router need not track the ModelHost's route list.
        foreach (var prefix in ForwardedPrefixes.Select(static prefix => prefix + "/{id}"))
        {
            app.Map(prefix, Forward);
            app.Map(prefix + "/{**rest}", Forward);
        }

        app.MapGet("/router/rules", GetRules);
        app.MapFallback(NotFound);
        return app;
    }

    /// <summary>Whether a path is one the router forwards (a model's), rather than one of its own endpoints.</summary>
    public static bool IsForwarded(PathString path)
    {
        foreach (var prefix in ForwardedPrefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value!.Length > 1)
            {
                return true;
            }
        }

        return false;
    }

    private static Task<IResult> Forward(HttpContext context, string id, ModelForwarder forwarder) => forwarder.ForwardAsync(context, id);

    private static Ok<RulesView> GetRules(RuleStore store, IRuleSource source, DefaultRule defaultRule)
    {
        var status = store.Status;
        var table = store.Current;
        return TypedResults.Ok(new RulesView(source.Description, table is not null, status.LastSuccessAt, status.LastChangeAt, status.LastError,
            table?.Rules ?? [], table?.Skipped ?? [], defaultRule.Rule));
    }

    private static ProblemHttpResult NotFound(HttpContext context) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such route",
        detail: $"'{context.Request.Method} {context.Request.Path}' is not a router route. It forwards /models/{{id}}/... and /v2/models/{{id}}/...; its own endpoints are /health/live, /health/ready, /router/rules, /metrics (when Prometheus is on) and the Open Inference Protocol's GET /v2, /v2/health/live, /v2/health/ready and POST /v2/repository/index.");
}
