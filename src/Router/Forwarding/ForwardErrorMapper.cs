using MultiModel.Router.TargetSelection;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Turns a failed forward into the answer the caller gets. Details name the rule and the target's base URL, which
/// the rule validation guarantees has no credentials; exception messages and headers are never echoed.
/// </summary>
public static class ForwardErrorMapper
{
    /// <param name="othersUnavailable">The rule's other targets that were passed over for this request, with why, or null.</param>
    public static ForwardProblem Map(ForwarderError error, Exception? exception, RouteDecision decision, string? othersUnavailable = null)
    {
        var at = $"Target {decision.Target} of rule '{decision.Rule.Name}'";
        var others = othersUnavailable is null ? "" : $" The rule's other targets are unavailable too: {othersUnavailable}.";
        return (error, exception) switch
        {
            (_, BrokenCircuitException broken) => new(StatusCodes.Status503ServiceUnavailable, "Target circuit open",
                $"{at} failed repeatedly; the router is not sending to it for now.{others} Retry later.", broken.RetryAfter),
            (_, TimeoutRejectedException) or (ForwarderError.RequestTimedOut, _) => new(StatusCodes.Status504GatewayTimeout, "Target timed out",
                $"{at} sent no response within {decision.Target.Timeout:c}."),
            (_, SigningException signing) => new(StatusCodes.Status500InternalServerError, "Request could not be signed",
                $"{at} needs IAM (SigV4) auth, but the router has {signing.Message}."),
            (_, HttpRequestException http) => new(StatusCodes.Status502BadGateway, "Target unreachable", $"{at} {TargetFailure.Describe(http)}.{others}"),
            (ForwarderError.RequestBodyClient, _) => new(StatusCodes.Status400BadRequest, "Request body unreadable",
                "The request body could not be read from the caller (disconnected or malformed framing)."),
            _ => new(StatusCodes.Status502BadGateway, "Forwarding failed", $"{at} could not be reached ({error})."),
        };
    }
}
