#if LAMBDA_HOSTING
using System.Diagnostics;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.AspNetCoreServer.Hosting.Internal;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Hosting.Server;

namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// The adapter's server for HTTP API (2.0) events, which first runs the app's warm-up requests through the adapter's
/// own handler and the app's whole pipeline, and the Lambda serializer through an event and a response, all inside
/// Lambda's init phase: before the runtime asks for the first event. Measured without it, the first invocation after
/// an init cost 170-210 ms against 2-3 ms for later ones (the adapter's marshalling and serializer, the pipeline's
/// first request, the endpoint's first run). A warm-up request that fails is logged and skipped.
/// </summary>
internal sealed partial class WarmedHttpApiLambdaServer : APIGatewayHttpApiV2LambdaRuntimeSupportServer
{
    private readonly IServiceProvider _services;
    private readonly ILogger<WarmedHttpApiLambdaServer> _logger;

    public WarmedHttpApiLambdaServer(IServiceProvider services, ILogger<WarmedHttpApiLambdaServer> logger)
        : base(services)
    {
        _services = services;
        _logger = logger;
    }

    public override async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // What the adapter's handler sends requests into: the app, marking each request as warm-up (base.StartAsync
        // below puts the app itself there for real events).
        Application = new ApplicationWrapper<TContext>(new WarmupMarkingApplication<TContext>(application));
        var handler = new APIGatewayHttpApiV2MinimalApi(_services);
        var serializer = _services.GetRequiredService<ILambdaSerializer>();
        var served = 0;
        foreach (var request in _services.GetServices<ILambdaWarmup>().SelectMany(warmup => warmup.Requests()))
        {
            try
            {
                var lambdaRequest = RoundTrip(serializer, HttpApiRequest(request));
                var response = await handler.FunctionHandlerAsync(lambdaRequest, new WarmupLambdaContext());
                RoundTrip(serializer, response);
                served++;
            }
            catch (Exception exception)
            {
                LogWarmupFailed(exception, request.Method, request.Path);
            }
        }

        LogWarmedUp(served, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await base.StartAsync(application, cancellationToken); // the runtime's loop: from here on, Lambda's events
    }

    private static APIGatewayHttpApiV2ProxyRequest HttpApiRequest(LambdaWarmupRequest request) => new()
    {
        Version = "2.0",
        RouteKey = "$default",
        RawPath = request.Path,
        RawQueryString = "",
        Headers = request.Body is null
            ? new Dictionary<string, string> { ["host"] = "localhost" }
            : new Dictionary<string, string> { ["host"] = "localhost", ["content-type"] = "application/json" },
        Body = request.Body,
        IsBase64Encoded = false,
        RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
        {
            RequestId = "warm-up",
            RouteKey = "$default",
            Stage = "$default",
            Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription
            {
                Method = request.Method,
                Path = request.Path,
                Protocol = "HTTP/1.1",
                SourceIp = "127.0.0.1",
                UserAgent = "lambda-warm-up",
            },
        },
    };

    /// <summary>Through the serializer both ways, as the runtime reads events and writes responses.</summary>
    private static T RoundTrip<T>(ILambdaSerializer serializer, T value)
    {
        using var stream = new MemoryStream();
        serializer.Serialize(value, stream);
        stream.Position = 0;
        return serializer.Deserialize<T>(stream);
    }

    [LoggerMessage(EventName = "LambdaWarmedUp", Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "Warmed up {Requests} request(s) through the Lambda adapter and the pipeline in {ElapsedMs} ms, inside the init phase")]
    private partial void LogWarmedUp(int requests, double elapsedMs);

    [LoggerMessage(EventName = "LambdaWarmupFailed", Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Warm-up request {Method} {Path} failed; the first real one pays for it")]
    private partial void LogWarmupFailed(Exception exception, string method, string path);

    /// <summary>The context of a warm-up invocation: no caller, plenty of time, logs to nowhere (the app logs itself).</summary>
    private sealed class WarmupLambdaContext : ILambdaContext
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
    }

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
