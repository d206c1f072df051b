using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MultiModel.Router.Rules;
using MultiModel.Router.TargetSelection;
using MultiModel.ServiceDefaults.Http;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// One model request, top to bottom: its rule (<see cref="RuleResolver"/>), a target of the rule
/// (<see cref="TargetSelector"/>), the send (<see cref="TargetSender"/>) and its one record (<see cref="ForwardRecorder"/>).
/// A target whose circuit is open is skipped, and one that refused the connection is left for the rule's next target:
/// only when every target of the rule is unavailable does the caller get the error.
/// </summary>
/// <param name="random">Draws the weighted choice for callers without a sticky value; injected so a test can fix it.</param>
public sealed class ModelForwarder(
    RuleResolver rules,
    TargetCircuits circuits,
    Random random,
    TargetSender sender,
    ForwardRecorder recorder,
    IOptions<ForwardingOptions> options)
{
    public async Task<IResult> ForwardAsync(HttpContext context, string modelId)
    {
        // :: Step 1: Resolve the model id to a rule, or say why there is none (503 while no rules have loaded, else 404)
        var resolved = rules.Resolve(modelId);
        if (resolved.Rule is not { } rule)
        {
            return NotForwarded(context, modelId, null, null, new(resolved.StatusCode, resolved.Title, resolved.Detail, resolved.RetryAfter));
        }

        return await ForwardAsync(context, modelId, rule);
    }

    /// <summary>Steps 2 on, for a rule already chosen: a model's, or the default rule for a server-level request.</summary>
    /// <param name="modelId">The model id, or a label in its place (logs only) when the request names no model.</param>
    public async Task<IResult> ForwardAsync(HttpContext context, string modelId, RouteRule rule)
    {
        // :: Step 2: Choose a target by the weights and the sticky header, passing over open circuits (503 when all are)
        var sticky = rule.StickyHeader is { } header ? context.Request.Headers[header].ToString() : null;
        var excluded = circuits.OpenTargets(rule, out var soonest);
        var index = TargetSelector.Choose(rule, sticky, random, excluded);
        if (index < 0)
        {
            return AllCircuitsOpen(context, modelId, rule, rule.Targets[TargetSelector.Choose(rule, sticky, random)], soonest);
        }

        byte[]? buffered = null;
        while (true)
        {
            // :: Step 3: Buffer the body if the target needs it whole (IAM signing, or resending on a retry); 413 past the limit
            var target = rule.Targets[index];
            (buffered, var tooLarge) = await BufferIfNeededAsync(context, target, buffered);
            if (tooLarge)
            {
                return NotForwarded(context, modelId, rule, target, new(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                    $"Rule '{rule.Name}' sends model '{modelId}' to IAM target {target}, which needs the whole body to sign it; the limit is {options.Value.MaxSignedBodyBytes} bytes (Router:Forwarding:MaxSignedBodyBytes)."));
            }

            // :: Step 4: Send, with the decision attached for the transform and the handler chain
            var decision = new RouteDecision(modelId, rule, target, context.TraceIdentifier, buffered, context.RequestAborted);
            var started = Stopwatch.GetTimestamp();
            var error = await sender.SendAsync(context, decision);
            var upstream = Stopwatch.GetElapsedTime(started);
            if (error == ForwarderError.None)
            {
                recorder.Forwarded(context, decision, upstream);
                return TypedResults.Empty;
            }

            // :: Step 5: Nothing was sent and the rule has another target: fail over to it
            var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
            excluded |= 1u << index;
            if (TargetFailure.NotSent(exception) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                && TargetSelector.Choose(rule, sticky, random, excluded) is var next and >= 0)
            {
                recorder.FailedOver(context, decision, exception, rule.Targets[next]);
                // Nothing reached the caller: undo YARP's 502 and its error, and send again.
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
                index = next;
                continue;
            }

            // :: Step 6: Map the failure to the caller's answer, naming rule and target
            var others = TargetFailure.NotSent(exception) ? Unavailable(rule, excluded & ~(1u << index)) : null;
            var problem = ForwardErrorMapper.Map(error, exception, decision, others);
            recorder.ForwardFailed(context, decision, error, exception, problem.StatusCode, upstream);
            if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                return TypedResults.Empty; // Too late for a body, or nobody left to read it; YARP has aborted the response.
            }

            return Answer(context, problem, rule, target);
        }
    }

    private IResult AllCircuitsOpen(HttpContext context, string modelId, RouteRule rule, RuleTarget preferred, TimeSpan soonest) =>
        NotForwarded(context, modelId, rule, preferred, new(StatusCodes.Status503ServiceUnavailable, "Target circuit open",
            $"Every target of rule '{rule.Name}' failed repeatedly and the router is not sending to them for now ({Unavailable(rule, uint.MaxValue)}). Retry later.", soonest));

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
        var limits = options.Value;
        if (target.Auth == TargetAuth.Iam)
        {
            if (already is not null || !canHaveBody)
            {
                return (already ?? [], already?.Length > limits.MaxSignedBodyBytes);
            }

            var body = await BodyBuffer.ReadAsync(request, limits.MaxSignedBodyBytes, context.RequestAborted);
            return (body, body is null);
        }

        if (already is null && canHaveBody && request.ContentLength is > 0 and var length && length <= limits.ReplayableBodyLimitBytes)
        {
            return (await BodyBuffer.ReadAsync(request, limits.ReplayableBodyLimitBytes, context.RequestAborted), false);
        }

        return (already, false);
    }

    private IResult NotForwarded(HttpContext context, string modelId, RouteRule? rule, RuleTarget? target, ForwardProblem problem)
    {
        recorder.NotForwarded(context, modelId, rule, target, problem);
        return Answer(context, problem, rule, target);
    }

    /// <summary>Every error names the rule and target it concerns (null before either is known); ProblemDetails adds the request id.</summary>
    private static ProblemHttpResult Answer(HttpContext context, ForwardProblem problem, RouteRule? rule, RuleTarget? target)
    {
        if (problem.RetryAfter is { } retryAfter)
        {
            context.Response.SetRetryAfter(retryAfter);
        }

        return TypedResults.Problem(problem.Detail, statusCode: problem.StatusCode, title: problem.Title,
            extensions: new Dictionary<string, object?> { ["rule"] = rule?.Name, ["target"] = target?.DestinationPrefix });
    }
}
