using MultiModel.Router.Forwarding;
using MultiModel.ServiceDefaults.Emf;

namespace MultiModel.Router;

/// <summary>
/// The Router's CloudWatch metric contract (docs/observability.md): per-rule documents dimensioned by <c>Rule</c> (rule
/// names come from the rule source, never from a caller), process documents for the rule source and for what names no
/// rule (an unrouted request, retries and circuit changes, which are per target).
/// </summary>
public static class RouterEmf
{
    public const string RuleDimension = "Rule";

    public static EmfContract Contract() => new EmfContract(ForwardMetrics.MeterName, ForwardMetrics.Rule, RuleDimension)
        .Map("multimodel.router.requests", EmfMetric.Count("RouterRequests"), EmfMetric.Count("RouterServerErrors", statusClass: 5))
        .Map("multimodel.router.upstream.duration", EmfMetric.Milliseconds("UpstreamDuration"))
        .Map("multimodel.router.failovers", EmfMetric.Count("Failovers"))
        .Map("multimodel.router.retries", EmfMetric.Count("Retries"))
        .Map("multimodel.router.circuit.changes", EmfMetric.Count("CircuitChanges"))
        .Map("multimodel.router.log.sampled_out", EmfMetric.Count("LogLinesSampledOut"))
        .Map("multimodel.router.rules.read_failures", EmfMetric.Count("RuleReadFailures"))
        .Map("multimodel.router.rules.age", EmfMetric.Gauge("RulesAge", EmfUnit.Seconds));
}
