using System.Buffers;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// Carries the request id the Router (or any caller) sends in X-Request-Id onto every log event of the request and
/// back in the response, so one id finds a request on both sides. Without a usable id the host makes its own:
/// the host serves predictions rather than refusing them over a tracing header.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+/=@");

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName];
        var id = given.Count == 1 && given[0] is { Length: > 0 and <= 128 } value && !value.AsSpan().ContainsAnyExcept(Allowed)
            ? value
            : Guid.CreateVersion7().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[HeaderName] = id;
        using (logger.BeginScope(new KeyValuePair<string, object>[] { new("RequestId", id) }))
        {
            await next(context);
        }
    }
}
