namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>One structured event per prediction, success or failure, with where the time went.</summary>
public sealed partial class PredictionLog(ILogger<PredictionLog> logger)
{
    [LoggerMessage(EventName = "Prediction", Level = LogLevel.Information,
        Message = "Predicted {ModelId} v{Version}: {Status}, cache {CacheResult}, load {LoadMs} ms, inference {InferenceMs} ms, total {TotalMs} ms")]
    public partial void Write(string modelId, int? version, int status, string cacheResult, double loadMs, double inferenceMs, double totalMs);
}
