using System.Diagnostics;
using System.Diagnostics.Metrics;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// The Router's requests per rule and target, on its one meter. Rules and targets come from the rule source, not from
/// callers, so they are bounded tag values; the model id a caller sends is never a tag (it is in the log line).
/// </summary>
public sealed class ForwardMetrics
{
    public const string MeterName = RuleMetrics.MeterName;
    public const string Rule = "multimodel.route.rule";
    public const string Target = "multimodel.route.target";
    public const string StatusCode = "http.response.status_code";
    public const string CircuitState = "multimodel.circuit.state";

    private static readonly double[] UpstreamSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _upstream;
    private readonly Counter<long> _failovers;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _circuitChanges;
    private readonly Counter<long> _linesSampledOut;

    public ForwardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("multimodel.router.requests", "{request}",
            "Model requests by the status the caller got, with the rule and target when one was chosen.");
        _upstream = meter.CreateHistogram("multimodel.router.upstream.duration", "s",
            "Time from sending to a target to its answer (or the failure), per rule, target and the status the caller got.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = UpstreamSeconds });
        _failovers = meter.CreateCounter<long>("multimodel.router.failovers", "{request}",
            "Requests sent to a rule's next target because this one could not be reached (nothing was sent).");
        _retries = meter.CreateCounter<long>("multimodel.router.retries", "{retry}",
            "Requests sent to a target again after it answered 429 or 503 with a short enough Retry-After.");
        _circuitChanges = meter.CreateCounter<long>("multimodel.router.circuit.changes", "{change}",
            "A target's circuit breaker changing state: opened, half_open (a trial call), closed.");
        _linesSampledOut = meter.CreateCounter<long>("multimodel.router.log.sampled_out", "{line}",
            "Forwarded lines of fast successful requests not written (Router:Logging:SuccessSampleEvery); each written one stands for them.");
    }

    /// <summary>A request answered; <paramref name="upstream"/> is null when nothing was sent to a target.</summary>
    public void Answered(RouteRule? rule, RuleTarget? target, int status, TimeSpan? upstream = null)
    {
        if (!_requests.Enabled && !_upstream.Enabled)
        {
            return;
        }

        var tags = new TagList();
        if (rule is not null)
        {
            tags.Add(Rule, rule.Name);
        }

        if (target is not null)
        {
            tags.Add(Target, target.DestinationPrefix);
        }

        tags.Add(StatusCode, status);
        _requests.Add(1, tags);
        if (upstream is { } duration)
        {
            _upstream.Record(duration.TotalSeconds, tags);
        }
    }

    public void LineSampledOut(RouteRule rule) => _linesSampledOut.Add(1, new KeyValuePair<string, object?>(Rule, rule.Name));

    public void FailedOver(RouteRule rule, RuleTarget target) =>
        _failovers.Add(1, new KeyValuePair<string, object?>(Rule, rule.Name), new KeyValuePair<string, object?>(Target, target.DestinationPrefix));

    /// <param name="target">The target's base URL, as its pipeline is keyed.</param>
    public void Retried(string target) => _retries.Add(1, new KeyValuePair<string, object?>(Target, target));

    /// <param name="target">The target's base URL, as its pipeline is keyed.</param>
    /// <param name="state"><c>opened</c>, <c>half_open</c> or <c>closed</c>.</param>
    public void CircuitChanged(string target, string state) =>
        _circuitChanges.Add(1, new KeyValuePair<string, object?>(Target, target), new KeyValuePair<string, object?>(CircuitState, state));
}
