using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Monitoring;

/// <summary>
/// Makes the <see cref="ConfidenceMonitor"/> of each model with labels as it loads, and exports their drift as one
/// observable gauge, computed only when metrics are collected.
/// </summary>
public sealed partial class ConfidenceMonitors(IOptions<ConfidenceDriftOptions> options, ILogger<ConfidenceMonitors> logger)
{
    public const string DriftInstrument = "multimodel.model.confidence.drift";

    private readonly ConfidenceDriftOptions _options = options.Value;

    /// <summary>
    /// The monitor of a model that was just loaded; null when drift is off or the model has no labels (its scores are
    /// then not known to be a classifier's). A baseline in the sidecar that cannot be used is logged and shown, and
    /// the model loads and serves all the same: a monitoring setting never takes a model down.
    /// </summary>
    internal ConfidenceMonitor? Create(ModelRef model, IEnumerable<KeyValuePair<string, object?>> tags, LabelPostProcessor? labels, ModelSidecar? sidecar)
    {
        if (!_options.Enabled || labels is null || sidecar is null)
        {
            return null;
        }

        string? problem = null;
        var baseline = sidecar.ConfidenceBaseline is { } given ? ConfidenceBaseline.Parse(given, model, out problem) : null;
        if (problem is not null)
        {
            LogBaselineRefused(model, problem);
        }

        return new ConfidenceMonitor(model, [.. tags], labels.ScoresOutput, sidecar.Labels.Count, baseline, problem, _options);
    }

    /// <summary>Exports, on the host's meter, the drift of every monitor <paramref name="loaded"/> yields when metrics are collected.</summary>
    public void Observe(Meter meter, Func<IEnumerable<ConfidenceMonitor>> loaded)
    {
        if (!_options.Enabled)
        {
            return;
        }

        meter.CreateObservableGauge(DriftInstrument, () => Measure(loaded()), unit: null,
            description: "Population stability index of each model's recent top scores against its baseline (over 0.25: a significant shift).");
    }

    private static IEnumerable<Measurement<double>> Measure(IEnumerable<ConfidenceMonitor> monitors)
    {
        foreach (var monitor in monitors)
        {
            if (monitor.Read().Drift is { } drift)
            {
                yield return new Measurement<double>(drift, monitor.Tags);
            }
        }
    }

    [LoggerMessage(EventName = "ConfidenceBaselineRefused", Level = LogLevel.Warning,
        Message = "The confidence baseline of {Model} was refused, so its drift is not computed (the model serves as usual): {Problem}")]
    private partial void LogBaselineRefused(ModelRef model, string problem);
}
