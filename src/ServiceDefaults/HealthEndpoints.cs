using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// Liveness runs no check: a process that answers is alive, and an orchestrator restarts one that is not. Readiness
/// runs the checks tagged <see cref="ReadyTag"/>: whether the app can serve traffic yet.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the health checks that readiness runs.</summary>
    public const string ReadyTag = "ready";

    public static RouteGroupBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints, string prefix, HealthResponses responses)
    {
        // Probes GET; other methods get 405 as from any GET endpoint, as both apps documented.
        var group = endpoints.MapGroup(prefix).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        group.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = responses.WriteLive });
        group.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = responses.WriteReady });
        return group;
    }
}
