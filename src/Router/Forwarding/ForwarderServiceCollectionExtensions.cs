using System.Net;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Registers the outgoing handler chain YARP sends through: buffered-body swap, then each target's circuit breaker,
/// retry and per-attempt timeout (<see cref="TargetResilienceHandler"/>), then SigV4 signing, then a SocketsHttpHandler
/// set up as YARP recommends for proxying.
/// </summary>
public static class ForwarderServiceCollectionExtensions
{
    public static IServiceCollection AddForwarderHttpClient(this IServiceCollection services)
    {
        services.AddTransient<ReplayableContentHandler>();
        services.AddTransient<TargetResilienceHandler>();
        services.AddSingleton(_ => new ResiliencePipelineRegistry<string>());
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
                // No outgoing trace span: the router exports no traces, and a span per request cost CPU. A caller's own
                // traceparent and tracestate pass through unchanged, as any other header.
                ActivityHeadersPropagator = null,
            })
            .AddHttpMessageHandler<ReplayableContentHandler>()
            .AddHttpMessageHandler<TargetResilienceHandler>()
            .AddHttpMessageHandler<IamSigningHandler>();
        return services;
    }
}
