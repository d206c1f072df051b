namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>One structured event per prediction, success or failure, with where the time went.</summary>
public sealed partial class PredictionLog(ILogger<PredictionLog> logger)
{
    [LoggerMessage(EventName = "Prediction", Level = LogLevel.Information,
        Message = "Predicted {ModelId} v{Version}: {Status}, cache {CacheResult}, response cache {ResponseCache}, load {LoadMs} ms, inference {InferenceMs} ms, total {TotalMs} ms")]
    public partial void Write(string modelId, int? version, int status, string cacheResult, string responseCache, double loadMs, double inferenceMs, double totalMs);
}
