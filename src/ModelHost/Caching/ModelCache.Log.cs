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
        Message = "Loading {Model} may take resident memory past {LimitBytes} bytes (base + budget): it is {ResidentBytes} bytes with no model left to evict, and the load needs up to {PeakBytes} bytes at its peak. Loading anyway; {LoadsOverLimit} loads so far found no room (this is said at most once a minute). The budget leaves too little room for the largest models' load peaks beside the memory requests in flight use")]
    private partial void LogResidentOverLimit(ModelRef model, long limitBytes, long residentBytes, long peakBytes, long loadsOverLimit);

    [LoggerMessage(EventName = "ModelChanged", Level = LogLevel.Information,
        Message = "{Model} changed in the store; reloading while the cached copy keeps serving")]
    private partial void LogChanged(ModelRef model);

    [LoggerMessage(EventName = "ModelRevalidationFailed", Level = LogLevel.Warning,
        Message = "Revalidating {Model} failed; the cached copy keeps serving")]
    private partial void LogRevalidationFailed(Exception exception, ModelRef model);
}
