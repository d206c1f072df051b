using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MultiModel.Router.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Registers the outgoing handler chain YARP sends through: buffered-body swap, then retry, circuit breaker (one per
/// target) and per-attempt timeout (<see cref="ForwardResilience"/>), then SigV4 signing, then a SocketsHttpHandler
/// set up as YARP recommends for proxying.
/// </summary>
public static class ForwarderServiceCollectionExtensions
{
    public static IServiceCollection AddForwarderHttpClient(this IServiceCollection services)
    {
        services.AddTransient<ReplayableContentHandler>();
        services.AddTransient<IamSigningHandler>();
        services.AddSingleton<ForwarderInvoker>();

        services.AddHttpClient(ForwarderInvoker.HttpClientName)
            .RemoveAllLoggers() // One log line per forward comes from the router itself, with rule and target.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan) // DNS changes are handled by PooledConnectionLifetime instead.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                EnableMultipleHttp2Connections = true,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = sp.GetRequiredService<IOptions<ForwardingOptions>>().Value.ConnectTimeout,
                ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            })
            .AddHttpMessageHandler<ReplayableContentHandler>()
            .AddResilienceHandler("forward", ForwardResilience.Configure)
            .SelectPipelineBy(_ => request => request.GetRouteDecision()?.Target.DestinationPrefix ?? "unrouted");
        services.AddHttpClient(ForwarderInvoker.HttpClientName).AddHttpMessageHandler<IamSigningHandler>();
        return services;
    }
}
