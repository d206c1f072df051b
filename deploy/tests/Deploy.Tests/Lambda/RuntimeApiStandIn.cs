using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The AWS Lambda Runtime API (2018-06-01) as a function's runtime sees it, written from its published contract:
/// <c>GET /runtime/invocation/next</c> hands out one event with its headers (request id, deadline, function ARN,
/// trace id), the runtime posts the result to <c>/runtime/invocation/{id}/response</c> or <c>.../error</c>, and
/// start-up failures to <c>/runtime/init/error</c>. A response over Lambda's synchronous payload limit is refused with
/// 413, as Lambda refuses it, and the caller gets <c>Function.ResponseSizeTooLarge</c>.
/// </summary>
public sealed class RuntimeApiStandIn : IAsyncDisposable
{
    /// <summary>Lambda's limit for a synchronous response payload: 6 MB and 100 bytes, as its error message states it.</summary>
    public const int MaxResponseBytes = 6_291_556;

    private const string Prefix = "/2018-06-01/runtime";
    private readonly Channel<Invocation> _pending = Channel.CreateUnbounded<Invocation>();
    private readonly ConcurrentDictionary<string, Invocation> _handedOut = new();
    private readonly WebApplication _app;

    private RuntimeApiStandIn(WebApplication app)
    {
        _app = app;
        Map(app);
    }

    /// <summary>host:port, the value of AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; private set; } = "";

    /// <summary>What the runtime reported to /runtime/init/error, if it did.</summary>
    public string? InitError { get; private set; }

    public static async Task<RuntimeApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Limits.MaxRequestBodySize = null).UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new RuntimeApiStandIn(builder.Build());
        await standIn._app.StartAsync();
        var address = new Uri(standIn._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        standIn.Address = $"{address.Host}:{address.Port}";
        return standIn;
    }

    /// <summary>Queues one event and waits for the function's answer to it.</summary>
    public async Task<InvocationResult> InvokeAsync(string eventJson, TimeSpan timeout)
    {
        var invocation = new Invocation(Guid.NewGuid().ToString(), eventJson, timeout);
        await _pending.Writer.WriteAsync(invocation);
        return await invocation.Result.Task.WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet($"{Prefix}/invocation/next", NextAsync);
        app.MapPost($"{Prefix}/invocation/{{id}}/response", RespondAsync);
        app.MapPost($"{Prefix}/invocation/{{id}}/error", FailAsync);
        app.MapPost($"{Prefix}/init/error", async (HttpRequest request) =>
        {
            InitError = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Accepted();
        });
    }

    private async Task NextAsync(HttpContext context)
    {
        Invocation invocation;
        try
        {
            invocation = await _pending.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return;
        }

        _handedOut[invocation.RequestId] = invocation;
        invocation.Started.Start();
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = (DateTimeOffset.UtcNow + invocation.Timeout).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:000000000000:function:modelhost-test";
        headers["Lambda-Runtime-Trace-Id"] = $"Root=1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..46] + ";Sampled=0";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(invocation.Event);
    }

    private async Task<IResult> RespondAsync(string id, HttpRequest request)
    {
        if (!_handedOut.TryRemove(id, out var invocation))
        {
            return Results.BadRequest(new { errorMessage = $"Invalid request ID: {id}", errorType = "InvalidRequestID" });
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (body.Length > MaxResponseBytes)
        {
            invocation.Complete(InvocationOutcome.ResponseTooLarge, $"{body.Length} bytes");
            return Results.Json(
                new { errorMessage = $"Exceeded maximum allowed payload size ({MaxResponseBytes} bytes).", errorType = "RequestEntityTooLarge" },
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        invocation.Complete(InvocationOutcome.Response, System.Text.Encoding.UTF8.GetString(body.ToArray()));
        return Results.Accepted(value: new { status = "OK" });
    }

    private async Task<IResult> FailAsync(string id, HttpRequest request)
    {
        if (_handedOut.TryRemove(id, out var invocation))
        {
            invocation.Complete(InvocationOutcome.Error, await new StreamReader(request.Body).ReadToEndAsync());
        }

        return Results.Accepted(value: new { status = "OK" });
    }

    private sealed class Invocation(string requestId, string @event, TimeSpan timeout)
    {
        public string RequestId { get; } = requestId;
        public string Event { get; } = @event;
        public TimeSpan Timeout { get; } = timeout;
        public Stopwatch Started { get; } = new();
        public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(InvocationOutcome outcome, string body) =>
            Result.TrySetResult(new InvocationResult(RequestId, outcome, body, Started.Elapsed));
    }
}
