using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MultiModel.Router.Routing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// The outgoing handler chain: buffered-body swap, then retry, circuit breaker (one per target) and per-attempt
/// timeout, then SigV4 signing, then a SocketsHttpHandler set up as YARP recommends for proxying.
/// </summary>
public static class ForwarderHttpClient
{
    public const string Name = "MultiModel.Router.Forwarder";

    public static IServiceCollection AddForwarderHttpClient(this IServiceCollection services)
    {
        services.AddTransient<ReplayableContentHandler>();
        services.AddTransient<IamSigningHandler>();
        services.AddSingleton<ForwarderInvoker>();

        services.AddHttpClient(Name)
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
            .AddResilienceHandler("forward", ConfigurePipeline)
            .SelectPipelineBy(_ => request => request.GetRouteDecision()?.Target.DestinationPrefix ?? "unrouted");
        services.AddHttpClient(Name).AddHttpMessageHandler<IamSigningHandler>();
        return services;
    }

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ForwardingOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        builder.TimeProvider = time;

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.MaxRetryAfter, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Get(args.Outcome.Result, time.GetUtcNow())),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(TargetFailure.Counts(args.Outcome, args.Context)),
        });

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(args.Context.GetRequestMessage()?.GetRouteDecision()?.Target.Timeout ?? options.DefaultTimeout),
        });
    }

    /// <summary>
    /// Only when the upstream said when to come back, soon enough, and the body can be sent again: a predict call
    /// is not idempotent in general, but a 429/503 means it was not processed.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        return RetryAfter.Get(outcome.Result, time.GetUtcNow()) is { } delay
            && delay <= maxRetryAfter
            && request?.GetRouteDecision() is { } decision
            && decision.IsReplayable(request)
            && !decision.ClientAborted.IsCancellationRequested;
    }
}
