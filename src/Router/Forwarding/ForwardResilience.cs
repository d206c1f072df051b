using MultiModel.Router.TargetSelection;
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
    /// <summary>The request being sent, where the strategies read its <see cref="RouteDecision"/>.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("MultiModel.Router.Request");

    public static HttpRequestMessage? RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : null;

    /// <param name="target">The target's base URL: each target has its own pipeline, so its circuit trips alone.</param>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, string target, ForwardingOptions options, TimeProvider time, TargetCircuits circuits, ForwardMetrics metrics)
    {
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
                metrics.CircuitChanged(target, "opened");
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                circuits.HalfOpened(target);
                metrics.CircuitChanged(target, "half_open");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                circuits.Closed(target);
                metrics.CircuitChanged(target, "closed");
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
                OnRetry = _ =>
                {
                    metrics.Retried(target);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(RequestOf(args.Context)?.GetRouteDecision()?.Target.Timeout ?? options.DefaultTimeout),
        });
    }

    /// <summary>
    /// Only when the upstream said when to come back, soon enough, and the body can be sent again: a predict call
    /// is not idempotent in general, but a 429/503 means it was not processed.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider time)
    {
        var request = RequestOf(context);
        return RetryAfter.Get(outcome.Result, time.GetUtcNow()) is { } delay
            && delay <= maxRetryAfter
            && request?.GetRouteDecision() is { } decision
            && decision.IsReplayable(request)
            && !decision.ClientAborted.IsCancellationRequested;
    }
}
