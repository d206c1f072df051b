using System.Diagnostics;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Has the format stream a prediction's outputs straight from ONNX Runtime's buffers into the response, then releases
/// them, the model's lease and the prediction's slot, in that order: the outputs come from the model's allocator.
/// </summary>
internal sealed class PredictionResult(
    ModelLease lease, IDisposable slot, PredictionRequest request, Prediction prediction, IPredictionFormat format, PredictionLog log, PredictionMetrics metrics,
    long startedTimestamp, CapturedPrediction? captured, DataCapture capture)
    : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var (model, cacheHit, loadTime) = (lease.Ref, lease.CacheHit, lease.LoadTime);
        using (slot)
        using (lease)
        using (prediction)
        {
            await format.WriteAsync(httpContext.Response, model, lease.Model.Labels, prediction, request, httpContext.RequestAborted);
            // After the response is written, before the outputs are freed.
            lease.Model.Confidence?.Record(prediction);
            captured?.Complete(capture, prediction, StatusCodes.Status200OK);
        }

        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp);
        log.Write(model.Id, model.Version, StatusCodes.Status200OK, cacheHit ? "hit" : "miss", loadTime.TotalMilliseconds,
            prediction.InferenceTime.TotalMilliseconds, elapsed.TotalMilliseconds);
        metrics.Record(model, StatusCodes.Status200OK, elapsed, prediction.InferenceTime);
    }
}
