using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MultiModel.Router.TargetSelection;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// The transport: sends a request to the target its <see cref="RouteDecision"/> names, with YARP's forwarder, through
/// the router's header transform (<see cref="RouterTransformer"/>) and handler chain (<see cref="ForwarderInvoker"/>).
/// Which target to send to is decided before, as YARP keeps its forwarder apart from load balancing.
/// </summary>
public sealed class TargetSender(IHttpForwarder forwarder, ForwarderInvoker invoker, RouterTransformer transformer, IOptions<ForwardingOptions> options)
{
    // One config per target timeout (a handful): built once instead of once per request.
    private readonly ConcurrentDictionary<TimeSpan, ForwarderRequestConfig> _configs = new();

    /// <summary>Attaches <paramref name="decision"/> to the request, where the transform and the handlers read it, and sends.</summary>
    /// <returns><see cref="ForwarderError.None"/> when the target's answer has streamed back to the caller; otherwise what
    /// failed, with the exception in <see cref="IForwarderErrorFeature"/>.</returns>
    public ValueTask<ForwarderError> SendAsync(HttpContext context, RouteDecision decision)
    {
        context.SetRouteDecision(decision);
        return forwarder.SendAsync(context, decision.Target.DestinationPrefix, invoker.Invoker, _configs.GetOrAdd(decision.Target.Timeout, RequestConfig, options.Value), transformer);
    }

    /// <summary>YARP's activity timeout is the outer bound: every attempt's timeout plus the retry waits.</summary>
    private static ForwarderRequestConfig RequestConfig(TimeSpan timeout, ForwardingOptions settings)
    {
        var attempts = settings.MaxRetryAttempts + 1;
        return new ForwarderRequestConfig
        {
            ActivityTimeout = timeout * attempts + settings.MaxRetryAfter * settings.MaxRetryAttempts + TimeSpan.FromSeconds(1),
        };
    }
}
