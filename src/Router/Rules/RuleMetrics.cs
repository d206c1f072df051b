using System.Diagnostics.Metrics;

namespace MultiModel.Router.Rules;

/// <summary>
/// The rule source's health on the Router's meter: how old the rules in force are, and how many reads failed. An
/// alarm on the age catches what no request shows: a router that keeps routing on rules it can no longer refresh.
/// </summary>
public sealed class RuleMetrics
{
    /// <summary>The Router's one meter; the forwarding instruments are on it too.</summary>
    public const string MeterName = "MultiModel.Router";

    private readonly Counter<long> _readFailures;

    public RuleMetrics(IMeterFactory meters, RuleStore store, TimeProvider time)
    {
        var meter = meters.Create(MeterName);
        _readFailures = meter.CreateCounter<long>("multimodel.router.rules.read_failures", "{read}",
            "Reads of the rule source that failed; the rules read before stay in force.");
        // No measurement before the first good read: an age would be a made-up number, and readiness says it already.
        meter.CreateObservableGauge("multimodel.router.rules.age", () => Age(store, time), "s",
            "Time since the rules in force were last read successfully.");
    }

    public void ReadFailed() => _readFailures.Add(1);

    private static IEnumerable<Measurement<double>> Age(RuleStore store, TimeProvider time) =>
        store.Status.LastSuccessAt is { } read ? [new Measurement<double>((time.GetUtcNow() - read).TotalSeconds)] : [];
}
