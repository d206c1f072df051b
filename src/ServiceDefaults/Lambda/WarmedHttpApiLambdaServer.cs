#if LAMBDA_HOSTING
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.AspNetCoreServer.Hosting.Internal;
using Microsoft.AspNetCore.Hosting.Server;

namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// The adapter's server for HTTP API (2.0) events, the shape function URLs send, which first runs the app's warm-up
/// requests inside Lambda's init phase (<see cref="LambdaInitWarmup"/>).
/// </summary>
internal sealed class WarmedHttpApiLambdaServer : APIGatewayHttpApiV2LambdaRuntimeSupportServer
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
        // What the adapter's handler sends requests into: the app, marking each request as warm-up (base.StartAsync
        // below puts the app itself there for real events).
        Application = new ApplicationWrapper<TContext>(new WarmupMarkingApplication<TContext>(application));
        var handler = new APIGatewayHttpApiV2MinimalApi(_services);
        await LambdaInitWarmup.RunAsync<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            _services, _logger, HttpApiRequest, handler.FunctionHandlerAsync);
        await base.StartAsync(application, cancellationToken); // the runtime's loop: from here on, Lambda's events
    }

    private static APIGatewayHttpApiV2ProxyRequest HttpApiRequest(LambdaWarmupRequest request) => new()
    {
        Version = "2.0",
        RouteKey = "$default",
        RawPath = request.Path,
        RawQueryString = "",
        Headers = LambdaInitWarmup.Headers(request),
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
}
#endif
