using System.Net.Sockets;
using MultiModel.Router.Routing;
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
    public static ForwardProblem Map(ForwarderError error, Exception? exception, RouteDecision decision)
    {
        var at = $"Target {decision.Target} of rule '{decision.Rule.Name}'";
        return (error, exception) switch
        {
            (_, BrokenCircuitException broken) => new(StatusCodes.Status503ServiceUnavailable, "Target circuit open",
                $"{at} failed repeatedly; the router is not sending to it for now. Retry later.", broken.RetryAfter),
            (_, TimeoutRejectedException) or (ForwarderError.RequestTimedOut, _) => new(StatusCodes.Status504GatewayTimeout, "Target timed out",
                $"{at} sent no response within {decision.Target.Timeout:c}."),
            (_, SigningException signing) => new(StatusCodes.Status500InternalServerError, "Request could not be signed",
                $"{at} needs IAM (SigV4) auth, but the router has {signing.Message}."),
            (_, HttpRequestException http) => new(StatusCodes.Status502BadGateway, "Target unreachable", $"{at} {Describe(http)}."),
            (ForwarderError.RequestBodyClient, _) => new(StatusCodes.Status400BadRequest, "Request body unreadable",
                "The request body could not be read from the caller (disconnected or malformed framing)."),
            _ => new(StatusCodes.Status502BadGateway, "Forwarding failed", $"{at} could not be reached ({error})."),
        };
    }

    private static string Describe(HttpRequestException exception)
    {
        var socket = exception.InnerException as SocketException ?? exception.InnerException?.InnerException as SocketException;
        return (socket?.SocketErrorCode, exception.HttpRequestError) switch
        {
            (SocketError.ConnectionRefused, _) => "refused the connection",
            (SocketError.ConnectionReset, _) or (_, HttpRequestError.ResponseEnded) => "closed or reset the connection before answering",
            (SocketError.HostNotFound, _) or (_, HttpRequestError.NameResolutionError) => "has a host name that does not resolve",
            (SocketError.TimedOut, _) => "did not accept the connection in time",
            (_, HttpRequestError.SecureConnectionError) => "failed the TLS handshake",
            (_, var kind) => $"could not be reached ({kind})",
        };
    }
}
