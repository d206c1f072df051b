using Microsoft.Extensions.Logging;

namespace MultiModel.ModelHost.Storage.DiskTier;

public sealed partial class DiskTierModelStore
{
    [LoggerMessage(EventId = 3101, EventName = "DiskTierHit", Level = LogLevel.Debug, Message = "Disk tier hit for {ModelId}/{Version}: {SizeBytes} bytes")]
    private partial void LogHit(string modelId, int version, long sizeBytes);

    [LoggerMessage(EventId = 3102, EventName = "DiskTierStored", Level = LogLevel.Information,
        Message = "Disk tier stored {ModelId}/{Version}: {SizeBytes} bytes, {UsedBytes} bytes in use")]
    private partial void LogStored(string modelId, int version, long sizeBytes, long usedBytes);

    [LoggerMessage(EventId = 3103, EventName = "DiskTierEvicted", Level = LogLevel.Information,
        Message = "Disk tier evicted {ModelId}/{Version} ({SizeBytes} bytes) to make room")]
    private partial void LogEvicted(string modelId, int version, long sizeBytes);

    [LoggerMessage(EventId = 3104, EventName = "DiskTierDiscarded", Level = LogLevel.Information,
        Message = "Disk tier dropped its copy of {ModelId}/{Version}: {Reason}")]
    private partial void LogDiscarded(string modelId, int version, string reason);

    [LoggerMessage(EventId = 3105, EventName = "DiskTierNoRoom", Level = LogLevel.Warning,
        Message = "Disk tier cannot make room for {ModelId}/{Version} ({SizeBytes} bytes, budget {BudgetBytes}); it is served from memory")]
    private partial void LogNoRoom(string modelId, int version, long sizeBytes, long budgetBytes);

    [LoggerMessage(EventId = 3106, EventName = "DiskTierServedUnvalidated", Level = LogLevel.Warning,
        Message = "Could not revalidate the disk copy of {ModelId}/{Version}; serving it as it is")]
    private partial void LogServedUnvalidated(Exception exception, string modelId, int version);

    [LoggerMessage(EventId = 3107, EventName = "DiskTierDeletedInvalid", Level = LogLevel.Warning,
        Message = "Disk tier deleted {Directory}: no valid entry.json or its model file does not match it")]
    private partial void LogDeletedInvalid(string directory);

    [LoggerMessage(EventId = 3108, EventName = "DiskTierAdopted", Level = LogLevel.Information,
        Message = "Disk tier at {Directory} starts with {UsedBytes} bytes of copies from earlier runs")]
    private partial void LogAdopted(long usedBytes, string directory);
}
