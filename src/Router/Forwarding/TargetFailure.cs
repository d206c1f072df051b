using System.Net;
using System.Net.Sockets;
using MultiModel.Router.TargetSelection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MultiModel.Router.Forwarding;

/// <summary>How a target failed: what counts against its circuit breaker, what allows failover, and how to say it.</summary>
public static class TargetFailure
{
    /// <summary>The target being unreachable, slow or failing as a gateway counts; a caller's bad input (4xx) and a
    /// model's own error (500) do not.</summary>
    public static bool Counts(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // YARP's own activity timeout, unless the caller hung up (then the target did nothing wrong).
        { Exception: OperationCanceledException } => !ClientAborted(context),
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    /// <summary>
    /// The request never reached the target: its circuit is open, or it refused the connection. Nothing was sent (not
    /// a byte of the body was read), so the request can go to another target whatever its method and body.
    /// </summary>
    public static bool NotSent(Exception? exception) =>
        exception is BrokenCircuitException || (exception is HttpRequestException http && SocketErrorOf(http) == SocketError.ConnectionRefused);

    /// <summary>What went wrong, as the end of a sentence that starts with the target ("... refused the connection").</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        BrokenCircuitException => "has its circuit open (it failed repeatedly)",
        TimeoutRejectedException => "sent no response in time",
        HttpRequestException http => (SocketErrorOf(http), http.HttpRequestError) switch
        {
            (SocketError.ConnectionRefused, _) => "refused the connection",
            (SocketError.ConnectionReset, _) or (_, HttpRequestError.ResponseEnded) => "closed or reset the connection before answering",
            (SocketError.HostNotFound, _) or (_, HttpRequestError.NameResolutionError) => "has a host name that does not resolve",
            (SocketError.TimedOut, _) => "did not accept the connection in time",
            (_, HttpRequestError.SecureConnectionError) => "failed the TLS handshake",
            (_, var kind) => $"could not be reached ({kind})",
        },
        null => "failed",
        _ => $"failed ({exception.GetType().Name})",
    };

    /// <summary>The last outcome a circuit breaker saw, for the line that says it opened.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"answered {(int)response.StatusCode}" : Describe(outcome.Exception);

    private static SocketError? SocketErrorOf(HttpRequestException exception) =>
        (exception.InnerException as SocketException ?? exception.InnerException?.InnerException as SocketException)?.SocketErrorCode;

    private static bool ClientAborted(ResilienceContext context) =>
        ForwardResilience.RequestOf(context)?.GetRouteDecision()?.ClientAborted.IsCancellationRequested == true;
}
