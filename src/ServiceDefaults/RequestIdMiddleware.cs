using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// Carries the caller's X-Request-Id (the Router's, or any client's) onto every log event of the request and back in
/// the response, so one id finds a request in both apps' logs. A missing or malformed id is replaced with a fresh one
/// and the request goes on: an app serves predictions rather than refusing them over a tracing header. A replaced
/// id is logged with the value that was given, so a caller who quotes it can still be found.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    public const int MaxLength = 128;
    private const int LoggedLength = 64;
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+/=@");

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName];
        var usable = given.Count == 1 && given[0] is { Length: > 0 and <= MaxLength } value && !value.AsSpan().ContainsAnyExcept(Allowed);
        var id = usable ? given[0]! : Guid.CreateVersion7().ToString("N");
        context.TraceIdentifier = id;

        // Set when the response starts, after a proxy copied the upstream's headers and after the exception handler
        // cleared the response, so the caller sees exactly one id, whatever happened.
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            ctx.Response.Headers[HeaderName] = ctx.TraceIdentifier;
            return Task.CompletedTask;
        }, context);

        // The innermost scope wins: every event of this request carries this id, not Kestrel's connection-based one.
        using (logger.BeginScope(Scope(context, id)))
        {
            // A missing id is made without a word; a given one that cannot be used is worth a line.
            if (!usable && !StringValues.IsNullOrEmpty(given))
            {
                LogReplaced(Truncate(given.ToString()));
            }

            await next(context);
        }
    }

    /// <summary>
    /// The request's log scope: its id, and on Lambda also Lambda's own request id, the one in Lambda's REPORT lines
    /// (duration, billed duration, memory), so an app's events and Lambda's figures for the invocation can be joined.
    /// </summary>
    private static KeyValuePair<string, object>[] Scope(HttpContext context, string id)
    {
#if LAMBDA_HOSTING
        if (context.Items.TryGetValue(Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction.LAMBDA_CONTEXT, out var item)
            && item is Amazon.Lambda.Core.ILambdaContext lambda)
        {
            return [new("RequestId", id), new("AwsRequestId", lambda.AwsRequestId)];
        }
#endif
        return [new("RequestId", id)];
    }

    private static string Truncate(string value) => value.Length <= LoggedLength ? value : string.Concat(value.AsSpan(0, LoggedLength), "...");

    [LoggerMessage(EventName = "RequestIdReplaced", Level = LogLevel.Information,
        Message = "X-Request-Id {GivenRequestId} replaced with a new id: an id is one value of 1-128 characters of A-Z a-z 0-9 - _ . : + / = @")]
    private partial void LogReplaced(string givenRequestId);
}
