using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Records a prediction's outcome once, in every place it is kept: the model's drift monitor and the capture record
/// (an answered one, before its outputs are freed), the log line, the metrics, Triton's statistics, and its rollout's
/// figures and guardrail.
/// </summary>
internal sealed class PredictionRecorder(PredictionLog log, PredictionMetrics metrics, ModelStatistics statistics, DataCapture capture, RolloutRecorder rollouts)
{
    public void Record(in PredictionOutcome outcome)
    {
        if (outcome.Prediction is { } prediction)
        {
            outcome.Model?.Confidence?.Record(prediction);
            outcome.Captured?.Complete(capture, prediction, outcome.Status);
        }

        var inference = outcome.Prediction?.InferenceTime;
        log.Write(outcome.ModelId, outcome.Version, outcome.Status, outcome.CacheResult, outcome.LoadTime.TotalMilliseconds,
            inference?.TotalMilliseconds ?? 0, outcome.Total.TotalMilliseconds);
        if (outcome.HeldModel is { } held)
        {
            // Kept whether or not a metrics listener is on: Triton's statistics extension reads them back.
            if (inference is { } ran)
            {
                statistics.Succeeded(held, outcome.Total, ran);
            }
            else
            {
                statistics.Failed(held, outcome.Total);
            }
        }

        metrics.Record(outcome.HeldModel, outcome.Status, outcome.Total, inference);
        rollouts.Answered(outcome.Choice, outcome.Status, outcome.Total, held: outcome.HeldModel is not null, outcome.CacheHit);
    }
}
