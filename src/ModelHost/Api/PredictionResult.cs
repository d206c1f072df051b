using System.Diagnostics;
using System.Text.Json;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Streams a prediction's outputs straight from ONNX Runtime's buffers into the response, then releases them and the
/// prediction's slot.
/// </summary>
internal sealed class PredictionResult(Prediction prediction, IDisposable slot, Action<Utf8JsonWriter> write, PredictionLog log, long startedTimestamp) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var lease = prediction.Lease;
        var (model, cacheHit, loadTime) = (lease.Ref, lease.CacheHit, lease.LoadTime);
        using (slot)
        using (prediction)
        {
            httpContext.Response.ContentType = "application/json";
            await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter))
            {
                write(writer);
            }

            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }

        log.Write(model.Id, model.Version, StatusCodes.Status200OK, cacheHit ? "hit" : "miss", loadTime.TotalMilliseconds,
            prediction.InferenceTime.TotalMilliseconds, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
    }
}
