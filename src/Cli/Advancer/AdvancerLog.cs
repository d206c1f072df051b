using Microsoft.Extensions.Logging;

namespace MultiModel.Cli.Advancer;

/// <summary>The advancer's log lines: one per model it acted on, one per refused event (Lambda sends them to CloudWatch Logs).</summary>
internal static partial class AdvancerLog
{
    [LoggerMessage(EventId = 1, EventName = "RolloutAdvanced", Level = LogLevel.Information,
        Message = "{Event}: model {ModelId} {Action}: {Summary}")]
    public static partial void Advanced(ILogger logger, string @event, string modelId, string action, string summary);

    [LoggerMessage(EventId = 2, EventName = "RolloutAdvanceFailed", Level = LogLevel.Error,
        Message = "{Event}: model {ModelId} could not be advanced: {Reason}")]
    public static partial void Failed(ILogger logger, string @event, string modelId, string reason);

    [LoggerMessage(EventId = 3, EventName = "AdvancerEventRefused", Level = LogLevel.Error,
        Message = "event refused, nothing written: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
