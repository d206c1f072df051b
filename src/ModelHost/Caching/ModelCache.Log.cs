using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching;

public sealed partial class ModelCache
{
    [LoggerMessage(EventName = "ModelLoaded", Level = LogLevel.Information,
        Message = "Loaded {Model}: {FileBytes} bytes on file, charged {ChargeBytes} bytes, in {LoadMs} ms; resident memory now {ResidentBytes} bytes")]
    private partial void LogLoaded(ModelRef model, long fileBytes, long chargeBytes, double loadMs, long residentBytes);

    [LoggerMessage(EventName = "ModelLoadFailed", Level = LogLevel.Warning,
        Message = "Loading {Model} failed ({ErrorType}); requests get this error until the retry time")]
    private partial void LogLoadFailed(Exception exception, ModelRef model, string errorType);

    [LoggerMessage(EventName = "ModelEvicted", Level = LogLevel.Information,
        Message = "Evicted {Model} to make room ({Reason}), {ChargeBytes} bytes, after {Hits} hits")]
    private partial void LogEvicted(ModelRef model, EvictionCause reason, long chargeBytes, long hits);

    [LoggerMessage(EventName = "ResidentMemoryOverLimit", Level = LogLevel.Warning,
        Message = "Loading {Model} may take resident memory past {LimitBytes} bytes (base + budget): it is {ResidentBytes} bytes with no model left to evict, and the load needs up to {PeakBytes} bytes at its peak. Loading anyway; a budget this close to the model's size leaves no room for the rest of the process")]
    private partial void LogResidentOverLimit(ModelRef model, long limitBytes, long residentBytes, long peakBytes);

    [LoggerMessage(EventName = "ModelChanged", Level = LogLevel.Information,
        Message = "{Model} changed in the store; reloading while the cached copy keeps serving")]
    private partial void LogChanged(ModelRef model);

    [LoggerMessage(EventName = "ModelRevalidationFailed", Level = LogLevel.Warning,
        Message = "Revalidating {Model} failed; the cached copy keeps serving")]
    private partial void LogRevalidationFailed(Exception exception, ModelRef model);
}
