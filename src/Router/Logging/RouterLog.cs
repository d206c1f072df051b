namespace MultiModel.Router.Logging;

/// <summary>Every router log event, source-generated: stable event ids and names that dashboards can key on.</summary>
public static partial class RouterLog
{
    [LoggerMessage(1, LogLevel.Information, "Loaded {RuleCount} routing rules ({SkippedCount} skipped) from {RuleSource}")]
    public static partial void RulesLoaded(ILogger logger, int ruleCount, int skippedCount, string ruleSource);

    [LoggerMessage(2, LogLevel.Warning, "Skipped routing rule {Rule}: {Reason}")]
    public static partial void RuleSkipped(ILogger logger, string rule, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Reading routing rules from {RuleSource} failed: {Reason}. Routing goes on with the {RuleCount} rules read at {LastSuccessAt:O}; retrying every {PollSeconds} s, and a line will say when it works again")]
    public static partial void RulesReadFailed(ILogger logger, Exception? exception, string ruleSource, string reason, int ruleCount, DateTimeOffset lastSuccessAt, double pollSeconds);

    [LoggerMessage(4, LogLevel.Warning, "Starting without routing rules: {RuleSource} could not be read ({Reason}); model requests get 503 until the first good read, retried every {RetrySeconds} s")]
    public static partial void StartingWithoutRules(ILogger logger, string ruleSource, string reason, double retrySeconds);

    [LoggerMessage(5, LogLevel.Debug, "Reading routing rules from {RuleSource} failed again ({FailedReads} in a row): {Reason}")]
    public static partial void RulesReadStillFailing(ILogger logger, string ruleSource, int failedReads, string reason);

    [LoggerMessage(6, LogLevel.Information, "Reading routing rules from {RuleSource} works again, after {FailedReads} failed reads over {FailingSeconds} s")]
    public static partial void RulesReadRecovered(ILogger logger, string ruleSource, int failedReads, double failingSeconds);

    [LoggerMessage(10, LogLevel.Information, "{Method} {Path} model {ModelId} rule {Rule} -> {Target}: {StatusCode} in {UpstreamMs} ms (request {RequestId})")]
    public static partial void Forwarded(ILogger logger, string method, string path, string modelId, string rule, string target, int statusCode, double upstreamMs, string requestId);

    [LoggerMessage(11, LogLevel.Warning, "{Method} {Path} model {ModelId} rule {Rule} -> {Target} failed ({ForwarderError}): answered {StatusCode} after {UpstreamMs} ms (request {RequestId})")]
    public static partial void ForwardFailed(ILogger logger, Exception? exception, string method, string path, string modelId, string rule, string target, string forwarderError, int statusCode, double upstreamMs, string requestId);

    [LoggerMessage(13, LogLevel.Information, "{Method} {Path} model {ModelId} rule {Rule}: target {Target} {Failure}, nothing was sent; trying {NextTarget} (request {RequestId})")]
    public static partial void FailedOver(ILogger logger, string method, string path, string modelId, string rule, string target, string failure, string nextTarget, string requestId);

    [LoggerMessage(20, LogLevel.Warning, "Circuit opened for target {Target} after repeated failures (last: {LastFailure}); its rules send to their other targets for {BreakSeconds} s, then one trial call")]
    public static partial void TargetCircuitOpened(ILogger logger, string target, string lastFailure, double breakSeconds);

    [LoggerMessage(21, LogLevel.Debug, "Circuit for target {Target} opened again after a failed trial call (last: {LastFailure}); next trial in {BreakSeconds} s")]
    public static partial void TargetCircuitReopened(ILogger logger, string target, string lastFailure, double breakSeconds);

    [LoggerMessage(22, LogLevel.Information, "Circuit closed for target {Target}: it answers again after {OutageSeconds} s; its callers return to it")]
    public static partial void TargetCircuitClosed(ILogger logger, string target, double outageSeconds);

    [LoggerMessage(12, LogLevel.Information, "{Method} {Path} model {ModelId}: {Outcome}, answered {StatusCode} (request {RequestId})")]
    public static partial void NotForwarded(ILogger logger, string method, string path, string modelId, string outcome, int statusCode, string requestId);

    [LoggerMessage(13, LogLevel.Information, "Routing rules come from {RulesFile} (Router:Rules:FilePath, resolved against the {Origin}); watched for changes: {Watched}")]
    public static partial void RulesFileWatched(ILogger logger, string rulesFile, string origin, bool watched);
}
