#if LAMBDA_HOSTING
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.AspNetCoreServer.Hosting.Internal;
using Microsoft.AspNetCore.Hosting.Server;

namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// The adapter's server for REST API (API Gateway v1 proxy) events, the shape a function behind the stack's REST API
/// receives, which first runs the app's warm-up requests inside Lambda's init phase (<see cref="LambdaInitWarmup"/>).
/// </summary>
internal sealed class WarmedRestApiLambdaServer : APIGatewayRestApiLambdaRuntimeSupportServer
{
    private readonly IServiceProvider _services;
    private readonly ILogger<WarmedRestApiLambdaServer> _logger;

    public WarmedRestApiLambdaServer(IServiceProvider services, ILogger<WarmedRestApiLambdaServer> logger)
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
        var handler = new APIGatewayRestApiMinimalApi(_services);
        await LambdaInitWarmup.RunAsync<APIGatewayProxyRequest, APIGatewayProxyResponse>(
            _services, _logger, RestApiRequest, handler.FunctionHandlerAsync);
        await base.StartAsync(application, cancellationToken); // the runtime's loop: from here on, Lambda's events
    }

    private static APIGatewayProxyRequest RestApiRequest(LambdaWarmupRequest request) => new()
    {
        Resource = request.Path,
        Path = request.Path,
        HttpMethod = request.Method,
        Headers = LambdaInitWarmup.Headers(request),
        Body = request.Body,
        IsBase64Encoded = false,
        RequestContext = new APIGatewayProxyRequest.ProxyRequestContext
        {
            RequestId = "warm-up",
            Stage = "warm-up",
            HttpMethod = request.Method,
            Path = request.Path,
            ResourcePath = request.Path,
            Identity = new APIGatewayProxyRequest.RequestIdentity { SourceIp = "127.0.0.1", UserAgent = "lambda-warm-up" },
        },
    };
}
#endif
