#if LAMBDA_HOSTING
using Amazon.Lambda.Core;

namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>The context of a warm-up invocation: no caller, plenty of time, logs to nowhere (the app logs itself).</summary>
internal sealed class WarmupLambdaContext : ILambdaContext
{
    public string AwsRequestId => "warm-up";
    public IClientContext ClientContext => null!;
    public string FunctionName => Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "";
    public string FunctionVersion => Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION") ?? "";
    public ICognitoIdentity Identity => null!;
    public string InvokedFunctionArn => "";
    public ILambdaLogger Logger { get; } = new SilentLogger();
    public string LogGroupName => "";
    public string LogStreamName => "";
    public int MemoryLimitInMB => int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), out var size) ? size : 0;
    public TimeSpan RemainingTime => TimeSpan.FromMinutes(1);
    public string TenantId => "";
    public string TraceId => "";

    private sealed class SilentLogger : ILambdaLogger
    {
        public void Log(string message)
        {
        }

        public void LogLine(string message)
        {
        }
    }
}
#endif
