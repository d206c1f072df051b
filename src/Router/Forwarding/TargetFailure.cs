using System.Net;
using Microsoft.Extensions.Http.Resilience;
using MultiModel.Router.Routing;
using Polly;
using Polly.Timeout;

namespace MultiModel.Router.Forwarding;

/// <summary>What counts against a target's circuit breaker: the target being unreachable, slow or failing as a
/// gateway; not a caller's bad input (4xx) nor a model's own error (500).</summary>
public static class TargetFailure
{
    public static bool Counts(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // YARP's own activity timeout, unless the caller hung up (then the target did nothing wrong).
        { Exception: OperationCanceledException } => !ClientAborted(context),
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    private static bool ClientAborted(ResilienceContext context) =>
        context.GetRequestMessage()?.GetRouteDecision()?.ClientAborted.IsCancellationRequested == true;
}
