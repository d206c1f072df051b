using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MultiModel.Router.Logging;
using MultiModel.Router.Routing;
using MultiModel.Router.Rules;
using MultiModel.Router.Rules.Sources;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>Resolves a model id to a rule and target, then streams the request there with YARP.</summary>
public sealed class ModelForwarder(
    RuleStore store,
    IRuleSource source,
    ReloadSignal reload,
    IHttpForwarder forwarder,
    ForwarderInvoker invoker,
    RouterTransformer transformer,
    IOptions<ForwardingOptions> forwardingOptions,
    IOptions<RulesOptions> rulesOptions,
    DefaultRule defaultRule,
    TimeProvider time,
    ILogger<ModelForwarder> logger)
{
    public async Task<IResult> ForwardAsync(HttpContext context, string modelId)
    {
        var table = store.Current;
        if (table is null)
        {
            // No reload request here: the poller already retries every few seconds, and requests must not drive SSM calls.
            context.Response.Headers.RetryAfter = ((int)RulePoller.NoRulesRetryInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return NotForwarded(context, modelId, StatusCodes.Status503ServiceUnavailable, "Routing rules not loaded",
                $"The router has not been able to read its rules from {source.Description} yet; retry shortly.");
        }

        RequestReloadIfStale();
        var rule = table.Resolve(modelId) ?? defaultRule.Rule;
        if (rule is null)
        {
            return NotForwarded(context, modelId, StatusCodes.Status404NotFound, "No route for model",
                $"No routing rule matches model '{modelId}' and Router:DefaultTarget is not set ({table.Rules.Count} rules loaded from {source.Description}; see GET /router/rules).");
        }

        var target = rule.Targets[TargetSelector.Choose(rule, rule.StickyHeader is { } header ? context.Request.Headers[header].ToString() : null, Random.Shared)];
        var (buffered, tooLarge) = await BufferIfNeededAsync(context, target);
        if (tooLarge)
        {
            return NotForwarded(context, modelId, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"Rule '{rule.Name}' sends model '{modelId}' to an IAM target, which needs the whole body to sign it; the limit is {forwardingOptions.Value.MaxSignedBodyBytes} bytes (Router:Forwarding:MaxSignedBodyBytes).");
        }

        var decision = new RouteDecision(modelId, rule, target, context.TraceIdentifier, buffered, context.RequestAborted);
        context.SetRouteDecision(decision);
        var started = Stopwatch.GetTimestamp();
        var error = await forwarder.SendAsync(context, target.DestinationPrefix, invoker.Invoker, RequestConfig(target), transformer);
        var upstreamMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
        var request = context.Request;

        if (error == ForwarderError.None)
        {
            RouterLog.Forwarded(logger, request.Method, request.Path, modelId, rule.Name, target.DestinationPrefix, context.Response.StatusCode, upstreamMs, context.TraceIdentifier);
            return TypedResults.Empty;
        }

        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        var problem = ForwardErrorMapper.Map(error, exception, decision);
        RouterLog.ForwardFailed(logger, exception, request.Method, request.Path, modelId, rule.Name, target.DestinationPrefix, error.ToString(), problem.StatusCode, upstreamMs, context.TraceIdentifier);
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Empty; // Too late for a body, or nobody left to read it; YARP has aborted the response.
        }

        if (problem.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(problem.Detail, statusCode: problem.StatusCode, title: problem.Title,
            extensions: new Dictionary<string, object?> { ["rule"] = rule.Name, ["target"] = target.DestinationPrefix });
    }

    private async Task<(byte[]? Body, bool TooLarge)> BufferIfNeededAsync(HttpContext context, RuleTarget target)
    {
        var request = context.Request;
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        var options = forwardingOptions.Value;
        if (target.Auth == TargetAuth.Iam)
        {
            if (!canHaveBody)
            {
                return ([], false);
            }

            var body = await BodyBuffer.ReadAsync(request, options.MaxSignedBodyBytes, context.RequestAborted);
            return (body, body is null);
        }

        // Small bodies of known size are kept so that a 429/503 with Retry-After can be retried; the rest stream.
        if (canHaveBody && request.ContentLength is > 0 and var length && length <= options.ReplayableBodyLimitBytes)
        {
            return (await BodyBuffer.ReadAsync(request, options.ReplayableBodyLimitBytes, context.RequestAborted), false);
        }

        return (null, false);
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

    /// <summary>
    /// In Lambda the poller's timer does not run while the environment is frozen; the first request after a long
    /// freeze notices that no read was even tried for two intervals and asks for one at once. Keyed on attempts, not
    /// successes, so a failing SSM is not hammered by every request.
    /// </summary>
    private void RequestReloadIfStale()
    {
        if (store.Status.LastAttemptAt is { } last && time.GetUtcNow() - last > rulesOptions.Value.PollInterval * 2)
        {
            reload.Request();
        }
    }

    private IResult NotForwarded(HttpContext context, string modelId, int status, string title, string detail)
    {
        RouterLog.NotForwarded(logger, context.Request.Method, context.Request.Path, modelId, title, status, context.TraceIdentifier);
        return TypedResults.Problem(detail, statusCode: status, title: title);
    }
}
