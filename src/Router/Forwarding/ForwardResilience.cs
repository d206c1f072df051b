using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MultiModel.Router.Routing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Each target's resilience pipeline, outermost first: circuit breaker, retry (only what is safe to resend), and the
/// per-attempt timeout the target's rule names. The breaker sits outside the retry, so it sees one outcome per request:
/// a 429/503 with Retry-After that a retry got past does not count against the target; one still failing when the
/// retries are exhausted counts once. An open circuit fails at once, before any retry.
/// </summary>
public static class ForwardResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ForwardingOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var circuits = context.ServiceProvider.GetRequiredService<TargetCircuits>();
        var target = context.InstanceName; // The pipeline key: the target's base URL (see AddForwarderHttpClient).
        builder.TimeProvider = time;

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(TargetFailure.Counts(args.Outcome, args.Context)),
            OnOpened = args =>
            {
                circuits.Opened(target, args.BreakDuration, TargetFailure.Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                circuits.HalfOpened(target);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                circuits.Closed(target);
                return ValueTask.CompletedTask;
            },
        });

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.MaxRetryAfter, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Get(args.Outcome.Result, time.GetUtcNow())),
            });
        }

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
