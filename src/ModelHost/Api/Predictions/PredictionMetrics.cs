using System.Diagnostics;
using System.Diagnostics.Metrics;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ServiceDefaults.Emf;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Predictions per model, version and status, on the host's meter. A request is
/// counted by its duration histogram (its count is the number of requests), as OpenTelemetry's
/// <c>http.server.request.duration</c> does, rather than by a second instrument that would say the same thing.
/// </summary>
public sealed class PredictionMetrics
{
    public const string StatusCode = EmfContract.StatusCodeTag; // the tag EMF reads a status class from

    private readonly Histogram<double> _requests;
    private readonly Histogram<double> _inference;

    public PredictionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CacheMetrics.MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Prediction };
        _requests = meter.CreateHistogram("multimodel.prediction.duration", "s",
            "Time from a prediction request's arrival to its last response byte; its count is the number of requests.", advice: advice);
        _inference = meter.CreateHistogram("multimodel.prediction.inference.duration", "s", "Time ONNX Runtime took to run the model.", advice: advice);
    }

    /// <summary>
    /// A finished request. <paramref name="heldModel"/> is the model the request held, null when it failed before holding
    /// one (an invalid or unknown id, a version the store does not have, a refused body): then it is counted under
    /// <paramref name="listedModelId"/>, the id when the store has listed that model, without a version, else under
    /// <see cref="ModelTags.UnknownModel"/>, so every request is counted under some model and what a caller sends cannot
    /// add series (see <see cref="ModelTags"/>).
    /// </summary>
    public void Record(ModelRef? heldModel, string? listedModelId, int status, TimeSpan total, TimeSpan? inference = null)
    {
        if (!_requests.Enabled)
        {
            return; // nothing listens: the tags are not worth building
        }

        var tags = heldModel is { } model ? ModelTags.For(model) : ModelTags.ForUnheld(listedModelId);
        if (inference is { } run)
        {
            _inference.Record(run.TotalSeconds, tags);
        }

        tags.Add(StatusCode, status);
        _requests.Record(total.TotalSeconds, tags);
    }
}
