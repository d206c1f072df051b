using Microsoft.Extensions.Caching.Memory;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

public sealed partial class ModelCache
{
    [LoggerMessage(EventName = "ModelLoaded", Level = LogLevel.Information,
        Message = "Loaded {Model}: {FileBytes} bytes on file, charged {ChargeBytes} bytes, in {LoadMs} ms")]
    private partial void LogLoaded(ModelRef model, long fileBytes, long chargeBytes, double loadMs);

    [LoggerMessage(EventName = "ModelLoadFailed", Level = LogLevel.Warning,
        Message = "Loading {Model} failed ({ErrorType}); requests get this error until the retry time")]
    private partial void LogLoadFailed(Exception exception, ModelRef model, string errorType);

    [LoggerMessage(EventName = "ModelEvicted", Level = LogLevel.Information,
        Message = "Evicted {Model} ({Reason}), {ChargeBytes} bytes, after {Hits} hits")]
    private partial void LogEvicted(ModelRef model, EvictionReason reason, long chargeBytes, long hits);

    [LoggerMessage(EventName = "ModelChanged", Level = LogLevel.Information,
        Message = "{Model} changed in the store; reloading while the cached copy keeps serving")]
    private partial void LogChanged(ModelRef model);

    [LoggerMessage(EventName = "ModelRevalidationFailed", Level = LogLevel.Warning,
        Message = "Revalidating {Model} failed; the cached copy keeps serving")]
    private partial void LogRevalidationFailed(Exception exception, ModelRef model);
}
