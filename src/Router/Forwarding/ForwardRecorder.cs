using MultiModel.Router.Logging;
using MultiModel.Router.Rules;
using MultiModel.Router.TargetSelection;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Records each outcome of a model request once: its log line and its metrics together, so the two cannot disagree.
/// Of fast successful requests one line in N is written (<see cref="SuccessLineSampler"/>); the ones left out are counted.
/// </summary>
/// <remarks>Logs as <see cref="ModelForwarder"/>, the category the per-request lines have always had (log settings and
/// queries name it).</remarks>
public sealed class ForwardRecorder(ForwardMetrics metrics, SuccessLineSampler sampler, ILogger<ModelForwarder> logger)
{
    /// <summary>The target answered, with any status, and its answer streamed back.</summary>
    public void Forwarded(HttpContext context, RouteDecision decision, TimeSpan upstream)
    {
        var status = context.Response.StatusCode;
        // Nothing is counted as left out while the line is off (Serilog:MinimumLevel above Information).
        if (logger.IsEnabled(LogLevel.Information))
        {
            if (sampler.ShouldWrite(status, upstream))
            {
                RouterLog.Forwarded(logger, context.Request.Method, context.Request.Path, decision.ModelId, decision.Rule.Name, decision.Target.DestinationPrefix,
                    status, Milliseconds(upstream), context.TraceIdentifier);
            }
            else
            {
                metrics.LineSampledOut(decision.Rule);
            }
        }

        metrics.Answered(decision.Rule, decision.Target, status, upstream);
    }

    /// <summary>Nothing reached <paramref name="decision"/>'s target; the request goes to <paramref name="next"/> instead.</summary>
    public void FailedOver(HttpContext context, RouteDecision decision, Exception? exception, RuleTarget next)
    {
        RouterLog.FailedOver(logger, context.Request.Method, context.Request.Path, decision.ModelId, decision.Rule.Name, decision.Target.DestinationPrefix,
            TargetFailure.Describe(exception), next.DestinationPrefix, context.TraceIdentifier);
        metrics.FailedOver(decision.Rule, decision.Target);
    }

    /// <summary>The forward failed and the caller is answered <paramref name="status"/>.</summary>
    public void ForwardFailed(HttpContext context, RouteDecision decision, ForwarderError error, Exception? exception, int status, TimeSpan upstream)
    {
        RouterLog.ForwardFailed(logger, exception, context.Request.Method, context.Request.Path, decision.ModelId, decision.Rule.Name,
            decision.Target.DestinationPrefix, error.ToString(), status, Milliseconds(upstream), context.TraceIdentifier);
        metrics.Answered(decision.Rule, decision.Target, status, upstream);
    }

    /// <summary>The router answered itself, sending nothing; rule and target are null until known.</summary>
    public void NotForwarded(HttpContext context, string modelId, RouteRule? rule, RuleTarget? target, ForwardProblem problem)
    {
        RouterLog.NotForwarded(logger, context.Request.Method, context.Request.Path, modelId, problem.Title, problem.StatusCode, context.TraceIdentifier);
        metrics.Answered(rule, target, problem.StatusCode);
    }

    private static double Milliseconds(TimeSpan upstream) => Math.Round(upstream.TotalMilliseconds, 3);
}
