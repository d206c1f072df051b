namespace MultiModel.Router.Logging;

/// <summary>Every router log event, source-generated: stable event ids and names that dashboards can key on.</summary>
public static partial class RouterLog
{
    [LoggerMessage(1, LogLevel.Information, "Loaded {RuleCount} routing rules ({SkippedCount} skipped) from {RuleSource}")]
    public static partial void RulesLoaded(ILogger logger, int ruleCount, int skippedCount, string ruleSource);

    [LoggerMessage(2, LogLevel.Warning, "Skipped routing rule {Rule}: {Reason}")]
    public static partial void RuleSkipped(ILogger logger, string rule, string reason);

    [LoggerMessage(3, LogLevel.Error, "Reading routing rules from {RuleSource} failed; keeping the last good snapshot ({RuleCount} rules, last read {LastSuccessAt})")]
    public static partial void RulesReadFailed(ILogger logger, Exception exception, string ruleSource, int ruleCount, DateTimeOffset? lastSuccessAt);

    [LoggerMessage(4, LogLevel.Warning, "Starting without routing rules: {RuleSource} could not be read ({Reason}); requests get 503 until it can")]
    public static partial void StartingWithoutRules(ILogger logger, string ruleSource, string reason);

    [LoggerMessage(10, LogLevel.Information, "{Method} {Path} model {ModelId} rule {Rule} -> {Target}: {StatusCode} in {UpstreamMs} ms (request {RequestId})")]
    public static partial void Forwarded(ILogger logger, string method, string path, string modelId, string rule, string target, int statusCode, double upstreamMs, string requestId);

    [LoggerMessage(11, LogLevel.Warning, "{Method} {Path} model {ModelId} rule {Rule} -> {Target} failed ({ForwarderError}): answered {StatusCode} after {UpstreamMs} ms (request {RequestId})")]
    public static partial void ForwardFailed(ILogger logger, Exception? exception, string method, string path, string modelId, string rule, string target, string forwarderError, int statusCode, double upstreamMs, string requestId);

    [LoggerMessage(12, LogLevel.Information, "{Method} {Path} model {ModelId}: {Outcome}, answered {StatusCode} (request {RequestId})")]
    public static partial void NotForwarded(ILogger logger, string method, string path, string modelId, string outcome, int statusCode, string requestId);
}
