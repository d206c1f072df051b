using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Records a prediction's outcome once, in every place it is kept: the model's drift monitor and the capture record
/// (an answered one, before its outputs are freed), the log line, the metrics, Triton's statistics, and its rollout's
/// figures and guardrail. Lambda's init-phase warm-up requests are recorded nowhere: they are not traffic.
/// </summary>
/// <param name="captureWriter">Registered only when data capture is on.</param>
internal sealed class PredictionRecorder(
    PredictionLog log, PredictionMetrics metrics, ModelStatistics statistics, DataCapture capture, RolloutRecorder rollouts, CaptureWriter? captureWriter = null)
{
    /// <summary>The capture record begun, inputs written, when the request is in its model's sample; null otherwise.</summary>
    public CapturedPrediction? BeginCapture(ModelRef model, string requestId, ModelInputs inputs) => CapturedPrediction.Start(capture, model, requestId, inputs);

    /// <summary>
    /// Writes a captured record away before the request ends, when the capture settings ask it (on Lambda a frozen
    /// environment's timer would leave it, and its shutdown lose it). Write failures are counted and logged by the
    /// writer, never thrown at the prediction.
    /// </summary>
    public async ValueTask FlushCaptureAsync(CapturedPrediction? captured)
    {
        if (captured is not null && capture.FlushWithinRequest && captureWriter is not null)
        {
            await captureWriter.FlushAsync(CancellationToken.None);
        }
    }

    public void Record(in PredictionOutcome outcome)
    {
        if (outcome.Warmup)
        {
            return; // the init phase's own requests: the warm-up server logs them once, as warm-up
        }

        if (outcome.Prediction is { } prediction)
        {
            outcome.Model?.Confidence?.Record(prediction);
            outcome.Captured?.Complete(capture, prediction, outcome.Status);
        }

        var inference = outcome.Prediction?.InferenceTime;
        log.Write(outcome.ModelId, outcome.Version, outcome.Status, outcome.CacheResult, ResponseCacheValue(outcome.ResponseCache), outcome.LoadTime.TotalMilliseconds,
            outcome.RunTime?.TotalMilliseconds ?? 0, outcome.Total.TotalMilliseconds);
        if (outcome.HeldModel is { } held)
        {
            // Kept whether or not a metrics listener is on: Triton's statistics extension reads them back.
            if (inference is { } ran)
            {
                statistics.Succeeded(held, outcome.Total, ran);
            }
            else if (outcome.FromResponseCache)
            {
                statistics.AnsweredFromCache(held, outcome.Total);
            }
            else
            {
                statistics.Failed(held, outcome.Total);
            }
        }

        metrics.Record(outcome.HeldModel, outcome.ListedModelId, outcome.Status, outcome.Total, inference);
        // A stored answer's time is the cache's, not the version's: it counts in the version's answers, not its latency.
        rollouts.Answered(outcome.Choice, outcome.Status, outcome.Total, held: outcome.HeldModel is not null, outcome.CacheHit && !outcome.FromResponseCache);
    }

    private static string ResponseCacheValue(ResponseCacheResult result) => result switch
    {
        ResponseCacheResult.Hit => "hit",
        ResponseCacheResult.Miss => "miss",
        ResponseCacheResult.Bypass => "bypass",
        _ => "off",
    };
}
