using Microsoft.AspNetCore.Http.Features;

namespace MultiModel.Router.TargetSelection;

/// <summary>
/// The one way to attach and read a request's <see cref="RouteDecision"/>: on the incoming request, where the
/// forwarder decides, and on the outgoing HttpRequestMessage, where the handler chain (body swap, resilience,
/// signing) reads it. YARP's request transform is the one place that carries it from the first to the second.
/// </summary>
public static class RouteDecisionExtensions
{
    private static readonly HttpRequestOptionsKey<RouteDecision> OptionsKey = new("MultiModel.Router.RouteDecision");

    public static void SetRouteDecision(this HttpContext context, RouteDecision decision) => context.Features.Set(decision);

    public static RouteDecision GetRouteDecision(this HttpContext context) => context.Features.GetRequiredFeature<RouteDecision>();

    public static void SetRouteDecision(this HttpRequestMessage request, RouteDecision decision) => request.Options.Set(OptionsKey, decision);

    /// <returns>Null for a message the router's transform did not prepare.</returns>
    public static RouteDecision? GetRouteDecision(this HttpRequestMessage request) =>
        request.Options.TryGetValue(OptionsKey, out var decision) ? decision : null;
}
