using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MultiModel.Router.Logging;
using MultiModel.Router.Rules;
using MultiModel.Router.TargetSelection;
using MultiModel.ServiceDefaults.Http;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Resolves a model id to a rule and target, then streams the request there with YARP. A target whose circuit is
/// open is skipped, and one that refused the connection is left for the rule's next target: only when every target
/// of the rule is unavailable does the caller get the error.
/// </summary>
public sealed class ModelForwarder(
    RuleResolver rules,
    IHttpForwarder forwarder,
    ForwarderInvoker invoker,
    RouterTransformer transformer,
    TargetCircuits circuits,
    IOptions<ForwardingOptions> forwardingOptions,
    ForwardMetrics metrics,
    ILogger<ModelForwarder> logger)
{
    public async Task<IResult> ForwardAsync(HttpContext context, string modelId)
    {
        var resolved = rules.Resolve(modelId);
        if (resolved.Rule is not { } rule)
        {
            if (resolved.RetryAfter is { } wait)
            {
                context.Response.SetRetryAfter(wait);
            }

            return NotForwarded(context, modelId, null, null, resolved.StatusCode, resolved.Title, resolved.Detail);
        }

        var sticky = rule.StickyHeader is { } header ? context.Request.Headers[header].ToString() : null;
        var excluded = circuits.OpenTargets(rule, out var soonest);
        var index = TargetSelector.Choose(rule, sticky, Random.Shared, excluded);
        if (index < 0)
        {
            return AllCircuitsOpen(context, modelId, rule, rule.Targets[TargetSelector.Choose(rule, sticky, Random.Shared)], soonest);
        }

        byte[]? buffered = null;
        while (true)
        {
            var target = rule.Targets[index];
            (buffered, var tooLarge) = await BufferIfNeededAsync(context, target, buffered);
            if (tooLarge)
            {
                return NotForwarded(context, modelId, rule, target, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                    $"Rule '{rule.Name}' sends model '{modelId}' to IAM target {target}, which needs the whole body to sign it; the limit is {forwardingOptions.Value.MaxSignedBodyBytes} bytes (Router:Forwarding:MaxSignedBodyBytes).");
            }

            var decision = new RouteDecision(modelId, rule, target, context.TraceIdentifier, buffered, context.RequestAborted);
            context.SetRouteDecision(decision);
            var started = Stopwatch.GetTimestamp();
            var error = await forwarder.SendAsync(context, target.DestinationPrefix, invoker.Invoker, RequestConfig(target), transformer);
            var upstream = Stopwatch.GetElapsedTime(started);
            var upstreamMs = Math.Round(upstream.TotalMilliseconds, 3);
            var request = context.Request;
            if (error == ForwarderError.None)
            {
                RouterLog.Forwarded(logger, request.Method, request.Path, modelId, rule.Name, target.DestinationPrefix, context.Response.StatusCode, upstreamMs, context.TraceIdentifier);
                metrics.Answered(rule, target, context.Response.StatusCode, upstream);
                return TypedResults.Empty;
            }

            var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
            excluded |= 1u << index;
            if (TargetFailure.NotSent(exception) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                && TargetSelector.Choose(rule, sticky, Random.Shared, excluded) is var next and >= 0)
            {
                RouterLog.FailedOver(logger, request.Method, request.Path, modelId, rule.Name, target.DestinationPrefix, TargetFailure.Describe(exception),
                    rule.Targets[next].DestinationPrefix, context.TraceIdentifier);
                metrics.FailedOver(rule, target);
                // Nothing reached the caller: undo YARP's 502 and its error, and send again.
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
                index = next;
                continue;
            }

            var others = TargetFailure.NotSent(exception) ? Unavailable(rule, excluded & ~(1u << index)) : null;
            var problem = ForwardErrorMapper.Map(error, exception, decision, others);
            RouterLog.ForwardFailed(logger, exception, request.Method, request.Path, modelId, rule.Name, target.DestinationPrefix, error.ToString(), problem.StatusCode, upstreamMs, context.TraceIdentifier);
            metrics.Answered(rule, target, problem.StatusCode, upstream);
            if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                return TypedResults.Empty; // Too late for a body, or nobody left to read it; YARP has aborted the response.
            }

            if (problem.RetryAfter is { } retryAfter)
            {
                context.Response.SetRetryAfter(retryAfter);
            }

            return Problem(problem.StatusCode, problem.Title, problem.Detail, rule, target);
        }
    }

    private IResult AllCircuitsOpen(HttpContext context, string modelId, RouteRule rule, RuleTarget preferred, TimeSpan soonest)
    {
        context.Response.SetRetryAfter(soonest);
        return NotForwarded(context, modelId, rule, preferred, StatusCodes.Status503ServiceUnavailable, "Target circuit open",
            $"Every target of rule '{rule.Name}' failed repeatedly and the router is not sending to them for now ({Unavailable(rule, uint.MaxValue)}). Retry later.");
    }

    /// <summary>"a, b": the rule's targets in <paramref name="mask"/> with weight above 0.</summary>
    private static string? Unavailable(RouteRule rule, uint mask)
    {
        var names = rule.Targets.Where((t, i) => t.Weight > 0 && (mask & (1u << i)) != 0).Select(t => t.DestinationPrefix).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>IAM targets need the whole body to sign it; small bodies of known size are kept so a 429/503 with
    /// Retry-After can be retried (or another target tried). The rest stream. A body read once is reused.</summary>
    private async ValueTask<(byte[]? Body, bool TooLarge)> BufferIfNeededAsync(HttpContext context, RuleTarget target, byte[]? already)
    {
        var request = context.Request;
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        var options = forwardingOptions.Value;
        if (target.Auth == TargetAuth.Iam)
        {
            if (already is not null || !canHaveBody)
            {
                return (already ?? [], already?.Length > options.MaxSignedBodyBytes);
            }

            var body = await BodyBuffer.ReadAsync(request, options.MaxSignedBodyBytes, context.RequestAborted);
            return (body, body is null);
        }

        if (already is null && canHaveBody && request.ContentLength is > 0 and var length && length <= options.ReplayableBodyLimitBytes)
        {
            return (await BodyBuffer.ReadAsync(request, options.ReplayableBodyLimitBytes, context.RequestAborted), false);
        }

        return (already, false);
    }

    /// <summary>YARP's activity timeout is the outer bound: every attempt's timeout plus the retry waits.</summary>
    private ForwarderRequestConfig RequestConfig(RuleTarget target)
    {
        var options = forwardingOptions.Value;
        var attempts = options.MaxRetryAttempts + 1;
        return new ForwarderRequestConfig
        {
            ActivityTimeout = target.Timeout * attempts + options.MaxRetryAfter * options.MaxRetryAttempts + TimeSpan.FromSeconds(1),
        };
    }

    private IResult NotForwarded(HttpContext context, string modelId, RouteRule? rule, RuleTarget? target, int status, string title, string detail)
    {
        RouterLog.NotForwarded(logger, context.Request.Method, context.Request.Path, modelId, title, status, context.TraceIdentifier);
        metrics.Answered(rule, target, status);
        return Problem(status, title, detail, rule, target);
    }

    /// <summary>Every error names the rule and target it concerns (null before either is known); ProblemDetails adds the request id.</summary>
    private static ProblemHttpResult Problem(int status, string title, string detail, RouteRule? rule, RuleTarget? target) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["rule"] = rule?.Name, ["target"] = target?.DestinationPrefix });
}
