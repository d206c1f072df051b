using System.Diagnostics.Metrics;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ServiceDefaults.Emf;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// What rollouts add to the host's meter: the candidate's requests apart (so an alarm can watch the candidate alone,
/// per model, whatever its version number), the guardrail's trips, and each shadow run with its agreement with the
/// version that answered. Versions are tags only as <see cref="ModelTags"/> allows: ones the store has shown exist.
/// </summary>
public sealed class RolloutMetrics
{
    public const string ShadowOutcomeTag = "shadow.outcome";
    public const string Top1AgreesTag = "shadow.top1_agrees";

    private static readonly double[] Differences = [0, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10];

    private readonly Histogram<double> _candidateRequests;
    private readonly Counter<long> _takenOut;
    private readonly Counter<long> _passedOver;
    private readonly Histogram<double> _shadowRuns;
    private readonly Histogram<double> _shadowDifference;
    private readonly Counter<long> _shadowRows;

    public RolloutMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CacheMetrics.MeterName);
        _candidateRequests = meter.CreateHistogram("multimodel.rollout.candidate.duration", "s",
            "Predictions answered by a model's rollout candidate, by status; its count is the number of requests.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Prediction });
        _takenOut = meter.CreateCounter<long>("multimodel.rollout.candidate.taken_out", "{candidate}",
            "Candidates this host took out of rotation by itself (their guardrail tripped).");
        _passedOver = meter.CreateCounter<long>("multimodel.model.version.passed_over", "{version}",
            "Versions that failed to load and that unpinned requests passed over for a lower one (once per version and process).");
        _shadowRuns = meter.CreateHistogram("multimodel.shadow.duration", "s",
            "Shadow runs of a version on an answered prediction's inputs, by outcome (ran, failed, skipped).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Prediction });
        _shadowDifference = meter.CreateHistogram("multimodel.shadow.max_abs_difference", "1",
            "The largest absolute difference between a shadow run's outputs and the answer's, per run.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Differences });
        _shadowRows = meter.CreateCounter<long>("multimodel.shadow.rows", "{row}",
            "Rows of classifier outputs compared by shadow runs, by whether the shadow's top class agreed.");
    }

    public void CandidateAnswered(ModelRef candidate, int status, TimeSpan total)
    {
        if (_candidateRequests.Enabled)
        {
            var tags = ModelTags.For(candidate);
            tags.Add(EmfContract.StatusCodeTag, status); // the tag EMF reads a status class from (CandidateServerErrors)
            _candidateRequests.Record(total.TotalSeconds, tags);
        }
    }

    public void CandidateTakenOut(ModelRef candidate) => _takenOut.Add(1, ModelTags.For(candidate));

    public void VersionPassedOver(ModelRef unloadable) => _passedOver.Add(1, ModelTags.For(unloadable));

    public void ShadowRan(ModelRef shadow, string outcome, TimeSpan duration, ShadowComparison? comparison)
    {
        var tags = ModelTags.For(shadow);
        if (comparison is { } compared)
        {
            _shadowDifference.Record(compared.MaxAbsDifference, tags);
            if (compared.RowsCompared > 0)
            {
                var (agreeing, disagreeing) = (tags, tags); // TagList is a value: each copy gets its own tag
                agreeing.Add(Top1AgreesTag, true);
                disagreeing.Add(Top1AgreesTag, false);
                _shadowRows.Add(compared.RowsAgreeing, agreeing);
                _shadowRows.Add(compared.RowsCompared - compared.RowsAgreeing, disagreeing);
            }
        }

        tags.Add(ShadowOutcomeTag, outcome);
        _shadowRuns.Record(duration.TotalSeconds, tags);
    }
}
