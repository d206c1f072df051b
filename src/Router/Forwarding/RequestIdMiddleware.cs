using System.Buffers;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Takes the caller's X-Request-Id or makes one, keeps it as the TraceIdentifier, sends it upstream and back.
/// A malformed id is refused rather than silently replaced: the caller would otherwise search logs for an id that
/// is not there.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    public const int MaxLength = 128;
    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+/=@");

    public async Task InvokeAsync(HttpContext context)
    {
        var values = context.Request.Headers[HeaderName];
        string id;
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            id = Guid.CreateVersion7().ToString("N");
        }
        else if (values.Count == 1 && values[0]!.Length <= MaxLength && !values[0].AsSpan().ContainsAnyExcept(Allowed))
        {
            id = values[0]!;
        }
        else
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid X-Request-Id",
                detail: $"{HeaderName} must be a single value of 1-{MaxLength} characters from A-Z a-z 0-9 - _ . : + / = @ (or be omitted, and the router makes one).")
                .ExecuteAsync(context);
            return;
        }

        context.TraceIdentifier = id;
        // Set when the response starts, after YARP copied the upstream's headers, so the caller sees exactly one.
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            ctx.Response.Headers[HeaderName] = ctx.TraceIdentifier;
            return Task.CompletedTask;
        }, context);

        // The innermost scope wins: every event of this request, YARP's included, carries this id, not Kestrel's.
        using (logger.BeginScope(new KeyValuePair<string, object>[] { new("RequestId", id) }))
        {
            await next(context);
        }
    }
}
