using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MultiModel.Router.Routing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Each target's resilience pipeline, outermost first: retry (only what is safe to resend), circuit breaker, and the
/// per-attempt timeout the target's rule names.
/// </summary>
public static class ForwardResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
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
