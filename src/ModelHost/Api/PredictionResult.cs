using System.Diagnostics;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Inference;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Has the format stream a prediction's outputs straight from ONNX Runtime's buffers into the response, then releases
/// them, the model's lease and the prediction's slot, in that order: the outputs come from the model's allocator. The
/// prediction's log line is written once the response is complete.
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

            // What follows comes after the response is complete: on Kestrel the client has its last byte (a chunked
            // response ends only here, not when the handler returns), so the drift record, the capture record, the log
            // line and the metrics add nothing to the request's latency. On Lambda the adapter sends the response only
            // once the pipeline has ended, so this is skipped (it would change nothing) and the line is written before
            // the invocation ends: a process frozen after the response loses no line.
            if (!LambdaEnvironment.IsLambda)
            {
                await httpContext.Response.CompleteAsync();
            }

            // Before the outputs are freed: both read them.
            lease.Model.Confidence?.Record(prediction);
            captured?.Complete(capture, prediction, StatusCodes.Status200OK);
        }

        if (captured is not null && capture.FlushWithinRequest)
        {
            // Before the invocation ends, on Lambda: a frozen environment's timer would leave it, and its shutdown lose it.
            // Write failures are counted and logged by the writer, never thrown at the prediction.
            await httpContext.RequestServices.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp);
        log.Write(model.Id, model.Version, StatusCodes.Status200OK, cacheHit ? "hit" : "miss", loadTime.TotalMilliseconds,
            prediction.InferenceTime.TotalMilliseconds, elapsed.TotalMilliseconds);
        metrics.Record(model, StatusCodes.Status200OK, elapsed, prediction.InferenceTime);
    }
}
